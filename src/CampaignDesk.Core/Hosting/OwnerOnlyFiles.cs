using System.Runtime.InteropServices;

namespace CampaignDesk.Core.Hosting;

/// <summary>
/// Every file the process creates is its owner's alone: the SQLite database with its WAL and shared-memory files (which
/// SQLite creates itself), the mail folder, backups, tokens. The process's umask is set to 077 before anything is written,
/// so no file holding personal data is readable by other users of the machine, whatever library creates it.
/// </summary>
public static class OwnerOnlyFiles
{
    private const uint GroupAndOthers = 0b000_111_111; // 077

    /// <summary>Sets the umask (Linux and macOS); elsewhere file access is the folder's ACL.</summary>
    public static void Apply()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = Umask(GroupAndOthers);
        }
    }

    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint Umask(uint mask);
}
