using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Firewall.Core.Privacy;

/// <summary>
/// Keyed pseudonyms for identifiers that must stay joinable: HMAC-SHA256 under a secret key, so the same id under the
/// same key always gives the same pseudonym (an analyst can still group by user) while nobody without the key can
/// recompute or reverse it. Pure and thread-safe.
/// </summary>
public sealed class Pseudonymiser
{
    /// <summary>256 bits: the HMAC-SHA256 output size, below which the key would be the weak part.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>
    /// 128 of the 256 bits are kept (22 base64url characters): a collision between two ids needs about 2^64 of them, while
    /// every row and index pays for each character.
    /// </summary>
    public const int KeptBytes = 16;

    public const string UserPrefix = "u_";
    public const string SessionPrefix = "s_";

    private readonly byte[] _key;

    public Pseudonymiser(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"The pseudonym key has {key.Length * 8} bits; at least {MinKeyBytes * 8} are required.", nameof(key));
        }

        _key = [.. key];
    }

    /// <summary><c>u_</c> and 22 base64url characters.</summary>
    public string User(string userId) => Pseudonym(UserPrefix, userId);

    /// <summary><c>s_</c> and 22 base64url characters.</summary>
    public string Session(string sessionId) => Pseudonym(SessionPrefix, sessionId);

    // The prefix is hashed with the id: a user id and a session id with the same text get unrelated pseudonyms.
    private string Pseudonym(string prefix, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(prefix + id), mac);
        return prefix + Base64Url.EncodeToString(mac[..KeptBytes]);
    }
}
