namespace Firewall.Cli;

/// <summary>The repository this command runs in: the nearest folder up from the current one that holds Firewall.sln.</summary>
internal static class RepositoryRoot
{
    public static string? Find()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Firewall.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
