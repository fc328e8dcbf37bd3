using Firewall.Api.RateLimiting;
using Firewall.Core.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Firewall.Api.Auth;

/// <summary>OAuth 2.0 client-credentials token endpoint (RFC 6749 §4.4), limited per client IP.</summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueToken)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitingSetup.TokenPolicy)
            .DisableAntiforgery()
            .Accepts<Dictionary<string, string>>("application/x-www-form-urlencoded")
            .WithName("IssueToken").WithSummary("Exchange client credentials for an access token").WithTags("Auth");
        return app;
    }

    public sealed record TokenResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

    public sealed record OAuthError([property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error);

    private static async Task<Results<Ok<TokenResponse>, BadRequest<OAuthError>, ProblemHttpResult>> IssueToken(
        HttpRequest request, ClientCredentials clients, SigningKeySource keys, IOptions<AuthOptions> options, TimeProvider time)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: "Send application/x-www-form-urlencoded.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (form["grant_type"] != "client_credentials")
        {
            return TypedResults.BadRequest(new OAuthError("unsupported_grant_type"));
        }

        if (form["client_id"] is not [{ Length: > 0 } clientId] || form["client_secret"] is not [{ Length: > 0 } secret])
        {
            return TypedResults.BadRequest(new OAuthError("invalid_request"));
        }

        if (clients.Authenticate(clientId, secret) is not { } roles || keys.Settings is not { } settings)
        {
            return TypedResults.BadRequest(new OAuthError("invalid_client"));
        }

        var lifetime = options.Value.TokenLifetime;
        var token = AccessTokenFactory.Create(settings, clientId, roles, time.GetUtcNow(), lifetime);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new TokenResponse(token, "Bearer", (int)lifetime.TotalSeconds));
    }
}
