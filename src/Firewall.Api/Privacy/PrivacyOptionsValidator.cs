using Firewall.Core.Privacy;
using Microsoft.Extensions.Options;

namespace Firewall.Api.Privacy;

/// <summary>Fails start-up with the key's name when pseudonyms are on without a usable key; the key itself is never echoed.</summary>
public sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    private const string KeyName = "Firewall:Privacy:PseudonymKey (environment variable Firewall__Privacy__PseudonymKey)";

    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.PseudonymKey))
        {
            return options.PseudonymiseUserIds
                ? ValidateOptionsResult.Fail($"Firewall:Privacy:PseudonymiseUserIds is on but {KeyName} is not set: give a base64 key of at least {Pseudonymiser.MinKeyBytes * 8} bits, e.g. `openssl rand -base64 32`.")
                : ValidateOptionsResult.Success;
        }

        var key = new byte[options.PseudonymKey.Length];
        if (!Convert.TryFromBase64String(options.PseudonymKey.Trim(), key, out var length))
        {
            return ValidateOptionsResult.Fail($"{KeyName} is not base64.");
        }

        return length < Pseudonymiser.MinKeyBytes
            ? ValidateOptionsResult.Fail($"{KeyName} has {length * 8} bits; at least {Pseudonymiser.MinKeyBytes * 8} are required.")
            : ValidateOptionsResult.Success;
    }
}
