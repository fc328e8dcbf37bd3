namespace Firewall.Testing;

/// <summary>The repository's root folder (where Firewall.sln is), for tests that check the files it ships.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(folder.FullName, "Firewall.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Firewall.sln above {AppContext.BaseDirectory}.");
    }
}
