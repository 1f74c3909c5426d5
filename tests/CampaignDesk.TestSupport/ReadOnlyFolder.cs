namespace CampaignDesk.TestSupport;

public static class ReadOnlyFolder
{
    /// <summary>
    /// A database path in a folder this process cannot write to. Root ignores permission bits, so as root it is a
    /// folder under /proc, where nobody can create files.
    /// </summary>
    public static string DatabasePath()
    {
        if (Environment.UserName == "root" || !OperatingSystem.IsLinux())
        {
            return "/proc/campaigndesk-readonly/campaigndesk.db";
        }

        var folder = Directory.CreateTempSubdirectory("campaigndesk-ro-");
        File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return Path.Combine(folder.FullName, "campaigndesk.db");
    }
}
