using Firewall.Core.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Firewall.Api.Auth;

/// <summary>JWT bearer validation as API.md states it, and one policy per role set.</summary>
public static class AuthSetup
{
    public const string IngestPolicy = "ingest";
    public const string ReadPolicy = "read";

    /// <summary>Registers JwtBearer (HS256 key or an OIDC authority), the role policies and the token issuer.</summary>
    public static IHostApplicationBuilder AddFirewallAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        builder.Services.AddSingleton<SigningKeySource>();
        builder.Services.AddHostedService<SigningKeyStartupCheck>();
        builder.Services.AddSingleton<ClientCredentials>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ValidatedTokens>();
        builder.Services.AddSingleton<CachingTokenHandler>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, SigningKeySource, IHostEnvironment, CachingTokenHandler>((jwt, auth, keys, environment, handler) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(handler);
                jwt.IncludeErrorDetails = environment.IsDevelopment();
                jwt.RequireHttpsMetadata = !environment.IsDevelopment();
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    // Explicit typing, for our own keys and an authority's alike: a refresh or ID token is not an access token.
                    TypeValidator = AccessTokenType.Validate,
                };
                if (keys.Settings is { } settings)
                {
                    // The current key signs; previous keys still validate the tokens they signed until they leave the list.
                    jwt.TokenValidationParameters.IssuerSigningKeys = keys.PreviousKeys.Prepend(settings.SigningKey)
                        .Select(key => new SymmetricSecurityKey(key))
                        .ToList();
                    jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
                }
                else
                {
                    jwt.Authority = auth.Value.Authority!.ToString();
                    jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSsaPssSha256];
                }
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(IngestPolicy, policy => policy.RequireRole(Roles.Agent, Roles.Admin))
            .AddPolicy(ReadPolicy, policy => policy.RequireRole(Roles.Analyst, Roles.Admin));
        return builder;
    }
}
