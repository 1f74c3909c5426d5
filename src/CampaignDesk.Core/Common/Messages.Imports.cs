namespace CampaignDesk.Core.Common;

/// <summary>Uploading an import file, and reverting an import run.</summary>
public static partial class Messages
{
    public static readonly MessageTemplate UploadFileMissing = new("upload_file_missing",
        "Send the file in the multipart/form-data field '{0}'.", "Envoyez le fichier dans le champ multipart/form-data « {0} ».");
    public static readonly MessageTemplate UploadTooLarge = new("upload_too_large",
        "Files over {0} MB are refused.", "Les fichiers de plus de {0} Mo sont refusés.");
    public static readonly MessageTemplate UploadUnreadable = new("upload_unreadable",
        "The multipart/form-data body is unreadable or incomplete.", "Le corps multipart/form-data est illisible ou incomplet.");
    public static readonly MessageTemplate UploadEmpty = new("upload_empty",
        "The file sent in the field '{0}' is empty.", "Le fichier envoyé dans le champ « {0} » est vide.");

    // The readers of the files say why in French only ({0}): their reasons name French sources, columns and rows.
    public static readonly MessageTemplate ImportFileRefused = new("import_file_refused",
        "This file cannot be imported: {0}", "Ce fichier ne peut pas être importé : {0}");
    public static readonly MessageTemplate ImportFailedTitle = new("import_failed",
        "The import failed; nothing was changed", "L'import a échoué ; rien n'a été modifié");
    public static readonly MessageTemplate ImportFailedOutcome = new("import_failed_outcome",
        "Import {0}, as its report tells it: {1}", "Compte rendu de l'import n° {0} : {1}");

    public static readonly MessageTemplate ImportRevertRefused = new("import_revert_refused",
        "This import cannot be reverted", "Cet import ne peut pas être annulé");
    public static readonly MessageTemplate ImportRevertDryRun = new("import_revert_dry_run",
        "Import {0} is a dry run: it changed nothing, there is nothing to revert.",
        "L'import n° {0} est une simulation : il n'a rien modifié, il n'y a rien à annuler.");
    public static readonly MessageTemplate ImportRevertNotApplied = new("import_revert_not_applied",
        "Import {0} was not applied (state '{1}'): it changed nothing, there is nothing to revert.",
        "L'import n° {0} n'a pas été appliqué (état « {1} ») : il n'a rien modifié, il n'y a rien à annuler.");
    public static readonly MessageTemplate ImportRevertNotJournaled = new("import_revert_not_journaled",
        "Import {0} was applied before imports kept a journal of their changes: it cannot be reverted exactly. Import the right file again, or restore a backup.",
        "L'import n° {0} a été appliqué avant que les imports ne tiennent le journal de leurs modifications : il ne peut pas être annulé exactement. Importez à nouveau le bon fichier, ou restaurez une sauvegarde.");
    public static readonly MessageTemplate ImportRevertLaterOfType = new("import_revert_later_same_type",
        "Import {0} ({1}), of the same file type ({2}), was applied after this one: only the last applied import of a file type can be reverted. Revert import {0} first.",
        "L'import n° {0} ({1}), du même type de fichier ({2}), a été appliqué après celui-ci : seul le dernier import appliqué d'un type de fichier peut être annulé. Annulez d'abord l'import n° {0}.");
    public static readonly MessageTemplate ImportRevertLaterOnRows = new("import_revert_later_same_rows",
        "Import {0} ({1}, {2}), applied after this one, changed officials, mandates or contacts this one had added or changed: reverting this one first would undo what it did on those rows. Revert import {0} first.",
        "L'import n° {0} ({1}, {2}), appliqué après celui-ci, a modifié des élus, mandats ou contacts que celui-ci avait ajoutés ou modifiés : l'annuler d'abord défait ce qu'il a fait sur ces lignes. Annulez d'abord l'import n° {0}.");
    public static readonly MessageTemplate ImportAlreadyReverted = new("import_already_reverted",
        "Import {0} was already reverted on {1} at {2:HH:mm}: nothing was changed this time.",
        "L'import n° {0} a déjà été annulé le {1} à {2:HH' h 'mm} : rien n'a été modifié cette fois.");
}
