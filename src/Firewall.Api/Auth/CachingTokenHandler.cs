using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Firewall.Api.Auth;

/// <summary>JwtBearer's token handler, validating a token fully only the first time it is seen (<see cref="ValidatedTokens"/>).</summary>
public sealed class CachingTokenHandler : JsonWebTokenHandler
{
    private readonly ValidatedTokens _validated;

    public CachingTokenHandler(ValidatedTokens validated)
    {
        _validated = validated;
        MapInboundClaims = false; // claim names as issued (sub, role), as JwtBearerOptions.MapInboundClaims = false does for its own handler
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var key = ValidatedTokens.KeyOf(token);
        if (await _validated.FindAsync(key, validationParameters) is { } remembered)
        {
            return remembered;
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        _validated.Remember(key, result, validationParameters);
        return result;
    }
}
