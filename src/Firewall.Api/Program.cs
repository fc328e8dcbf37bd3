using Firewall.Api;
using Firewall.Api.Auth;
using Firewall.Api.Benchmarking;
using Firewall.Api.Caching;
using Firewall.Api.Http;
using Firewall.Api.Ingest;
using Firewall.Api.Operations;
using Firewall.Api.Query;
using Firewall.Api.RateLimiting;
using Firewall.Api.Redis;
using Firewall.Api.Streaming;
using Firewall.Api.WebConsole;
using Firewall.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.AddFirewallLogging();      // Serilog: JSON to the console outside Development
builder.AddFirewallProblems();     // RFC 9457 for every error, strict JSON, body size limits
builder.AddFirewallSlowClientLimits(); // Kestrel closes connections that dribble headers or bodies (slowloris)
builder.AddFirewallAuth();         // JWT bearer, role policies, client-credentials clients; the key is checked first
builder.AddFirewallStorage();      // EF Core store (SQLite default, PostgreSQL) and the group-commit writer
builder.AddFirewallRedis();        // optional: shared cache and rate limits, never required (invariant 5)
builder.AddFirewallCache();        // query cache with per-severity generations
builder.AddFirewallCompression();  // Brotli/gzip of JSON answers, as Accept-Encoding asks
builder.AddFirewallRateLimits();   // per-principal token buckets, per-IP token endpoint
builder.AddFirewallIngest();       // validation, classification and redaction
builder.AddFirewallStream();       // live tail: Server-Sent Events, across replicas through Redis when configured
builder.AddFirewallBenchmarkStages(); // Benchmark environment only: stages switched off to measure their share (bench/README.md)
builder.AddFirewallHealth();       // liveness and readiness
builder.AddFirewallTelemetry();    // OpenTelemetry metrics at /metrics
builder.Services.AddOpenApi();

var app = builder.Build();

if (args.Contains("--migrate"))
{
    await app.Services.MigrateFirewallStoreAsync(CancellationToken.None);
    return;
}

app.UseFirewallRequestLogging();  // outermost, so it logs the status the client really got
app.UseFirewallConsole();         // security headers on every response; the analyst console's static files at /
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseResponseCompression();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapTokenEndpoint();
app.MapIngest();
app.MapQueries();
app.MapEventStream();
app.MapFirewallHealth();
app.MapPrometheusScrapingEndpoint();
app.MapOpenApi();

await app.RunAsync();

namespace Firewall.Api
{
    /// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
    public partial class Program;
}
