using Firewall.Core.Auth;
using Firewall.Storage;
using Microsoft.Extensions.Options;

namespace Firewall.Api.Auth;

/// <summary>
/// Where the HS256 key comes from: configuration, or in Development a key generated once in the data folder
/// so that a newcomer's first run needs no set-up. Anywhere else a missing key is a start-up error.
/// </summary>
public sealed class SigningKeySource(IOptions<AuthOptions> options, IHostEnvironment environment, IConfiguration configuration)
{
    private readonly Lazy<TokenSettings?> _settings = new(() => Load(options.Value, environment, configuration));
    private readonly Lazy<IReadOnlyList<byte[]>> _previousKeys = new(() => LoadPrevious(options.Value));

    /// <summary>Null when tokens are validated by an OpenID Connect authority instead.</summary>
    public TokenSettings? Settings => _settings.Value;

    /// <summary>Keys from <c>Firewall:Auth:PreviousSigningKeys</c>: they validate tokens during a rotation but never sign.</summary>
    public IReadOnlyList<byte[]> PreviousKeys => _previousKeys.Value;

    private static List<byte[]> LoadPrevious(AuthOptions auth) =>
        auth.PreviousSigningKeys
            .Select((key, index) => LocalSigningKey.Decode(key, $"Firewall:Auth:PreviousSigningKeys:{index}"))
            .ToList();

    private static TokenSettings? Load(AuthOptions auth, IHostEnvironment environment, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            return new TokenSettings(LocalSigningKey.Decode(auth.SigningKey, "Firewall:Auth:SigningKey"), auth.Issuer, auth.Audience);
        }

        if (auth.Authority is not null)
        {
            return null;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Firewall:Auth:SigningKey is not set (environment variable Firewall__Auth__SigningKey): give a base64 key of at least 256 bits, e.g. `openssl rand -base64 32`, or set Firewall:Auth:Authority.");
        }

        var dataPath = DataPath.Resolve(configuration, environment);
        return new TokenSettings(LocalSigningKey.LoadOrCreate(dataPath), auth.Issuer, auth.Audience);
    }
}
