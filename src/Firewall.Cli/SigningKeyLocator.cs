using Firewall.Core.Auth;

namespace Firewall.Cli;

/// <summary>Finds the key the API signs with: the configured one first, then a development instance's generated key file.</summary>
internal static class SigningKeyLocator
{
    public static byte[] Load(string? dataPath)
    {
        if (Environment.GetEnvironmentVariable("Firewall__Auth__SigningKey") is { Length: > 0 } configured)
        {
            return LocalSigningKey.Decode(configured, "Firewall__Auth__SigningKey");
        }

        var candidates = new[] { dataPath, Environment.GetEnvironmentVariable("Firewall__DataPath"), "data", RepositoryApiData() }
            .OfType<string>()
            .Select(LocalSigningKey.PathIn);
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "No signing key: set Firewall__Auth__SigningKey, or start the API once in Development so it generates data/signing.key, or pass --data-path.");
        return LocalSigningKey.Decode(File.ReadAllText(found), found);
    }

    /// <summary>src/Firewall.Api/data of the repository this command runs in (dotnet run starts the API in its project folder).</summary>
    private static string? RepositoryApiData()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Firewall.sln")))
            {
                return Path.Combine(folder.FullName, "src", "Firewall.Api", "data");
            }
        }

        return null;
    }
}
