using System.Security.Claims;
using System.Text.Encodings.Web;
using Firewall.Core.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Firewall.Api.Benchmarking;

/// <summary>
/// The authentication of a benchmark host that switched auth off: every request, with or without a token, is one
/// principal holding the agent and analyst roles, so ingest and query run as usual without reading a token.
/// </summary>
public sealed class AnonymousBenchmarkHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "BenchmarkAnonymous";
    public const string Subject = "bench-anonymous";

    private static readonly AuthenticationTicket Ticket = new(
        new ClaimsPrincipal(new ClaimsIdentity([new("sub", Subject), new("role", Roles.Agent), new("role", Roles.Analyst)], SchemeName, "sub", "role")),
        SchemeName);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.Success(Ticket));
}
