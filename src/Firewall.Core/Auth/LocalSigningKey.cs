using System.Security.Cryptography;

namespace Firewall.Core.Auth;

/// <summary>
/// The signing key a development instance generates on first run, so a newcomer needs no configuration.
/// Production always configures <c>Firewall:Auth:SigningKey</c>; this file is never used there.
/// </summary>
public static class LocalSigningKey
{
    public const string FileName = "signing.key";

    public static string PathIn(string dataPath) => Path.Combine(dataPath, FileName);

    /// <summary>Reads the key file in <paramref name="dataPath"/>, creating it (owner-only permissions) when absent.</summary>
    public static byte[] LoadOrCreate(string dataPath)
    {
        var path = PathIn(dataPath);
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path), path);
        }

        Directory.CreateDirectory(dataPath);
        var key = RandomNumberGenerator.GetBytes(TokenSettings.MinKeyBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        return key;
    }

    /// <summary>Decodes a base64 key of at least 256 bits, or says what is wrong with it.</summary>
    public static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The signing key in {source} is not base64.");
        }

        return key.Length >= TokenSettings.MinKeyBytes
            ? key
            : throw new InvalidOperationException($"The signing key in {source} has {key.Length * 8} bits; at least {TokenSettings.MinKeyBytes * 8} are required.");
    }
}
