using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Firewall.Core.Auth;

/// <summary>
/// PBKDF2-SHA256 hashes of client secrets, as <c>pbkdf2-sha256$iterations$salt$hash</c> (base64). Only hashes are
/// configured, so a leaked configuration does not leak credentials.
/// </summary>
public static class ClientSecretHash
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 100_000;

    public static string Create(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Constant-time check of <paramref name="secret"/> against a stored hash; a malformed hash never matches.</summary>
    public static bool Verify(string secret, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 10_000)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
