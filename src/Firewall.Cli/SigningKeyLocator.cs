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

        var apiData = RepositoryRoot.Find() is { } root ? Path.Combine(root, "src", "Firewall.Api", "data") : null;
        var candidates = new[] { dataPath, Environment.GetEnvironmentVariable("Firewall__DataPath"), "data", apiData }
            .OfType<string>()
            .Select(LocalSigningKey.PathIn);
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "No signing key: set Firewall__Auth__SigningKey, or start the API once in Development so it generates data/signing.key, or pass --data-path.");
        return LocalSigningKey.Decode(File.ReadAllText(found), found);
    }
}
