namespace CampaignDesk.Core.Common;

/// <summary>Backups and restores of the SQLite file (the command line prints them).</summary>
public static partial class Messages
{
    public static readonly MessageTemplate NoDatabaseFile = new("backup_no_database",
        "There is no SQLite database at {0}.", "Il n'y a pas de base SQLite à {0}.");
    public static readonly MessageTemplate BackupOverSource = new("backup_over_source",
        "The backup cannot replace the database it copies.", "La sauvegarde ne peut pas remplacer la base qu'elle copie.");
    public static readonly MessageTemplate BackupIntegrity = new("backup_integrity_failed",
        "The copy failed its integrity check, the previous backup is left as it was: {0}",
        "La copie a échoué à son contrôle d'intégrité, la sauvegarde précédente est laissée telle quelle : {0}");
    public static readonly MessageTemplate NoBackupFile = new("restore_no_file", "There is no file {0}.", "Il n'y a pas de fichier {0}.");
    public static readonly MessageTemplate BackupUnreadable = new("restore_unreadable",
        "{0} is not a readable SQLite database: {1}", "{0} n'est pas une base SQLite lisible : {1}");
    public static readonly MessageTemplate BackupCorrupt = new("restore_integrity_failed",
        "{0} fails its integrity check: {1}", "{0} échoue à son contrôle d'intégrité : {1}");
    public static readonly MessageTemplate BackupSchemaUnknown = new("restore_schema_unknown",
        "{0} is at schema version {1}; this build knows versions 1 to {2}.", "{0} est au schéma version {1} ; cette version connaît les versions 1 à {2}.");
    public static readonly MessageTemplate DatabaseInUse = new("restore_database_in_use",
        "{0} is open in another process: stop the API and the worker that use it, then restore again.",
        "{0} est ouverte par un autre processus : arrêtez l'API et le worker qui l'utilisent, puis relancez la restauration.");
    public static readonly MessageTemplate RestoredCorrupt = new("restore_result_corrupt",
        "The restored database failed its integrity check ({0}); the previous one is {1}.",
        "La base restaurée a échoué à son contrôle d'intégrité ({0}) ; la précédente est {1}.");
}
