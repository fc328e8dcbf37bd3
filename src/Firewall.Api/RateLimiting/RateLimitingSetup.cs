using System.Threading.RateLimiting;
using Firewall.Api.Redis;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Firewall.Api.RateLimiting;

/// <summary>
/// ASP.NET Core's built-in limiter (System.Threading.RateLimiting): per-principal buckets for queries and ingest, shared
/// across replicas through Redis when configured; per-IP for tokens.
/// </summary>
public static class RateLimitingSetup
{
    public const string QueryPolicy = "query";
    public const string TokenPolicy = "token";
    public const string IngestPolicy = "ingest";

    /// <summary>Registers the limiters and the 429 response they share.</summary>
    public static IHostApplicationBuilder AddFirewallRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        builder.Services.AddSingleton<IngestRateLimiter>();
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (RedisSetup.IsConfigured(builder.Configuration))
        {
            builder.Services.AddSingleton<RedisTokenBucket>();
        }

        builder.Services.AddKeyedSingleton(QueryPolicy, (services, _) =>
            new PrincipalLimiter(QueryPolicy, options.Query.Burst, options.Query.RequestsPerSecond, services.GetService<RedisTokenBucket>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddKeyedSingleton(IngestPolicy, (services, _) =>
            new PrincipalLimiter(IngestPolicy, options.Ingest.Burst, options.Ingest.EventsPerSecond, services.GetService<RedisTokenBucket>(), services.GetRequiredService<TimeProvider>()));
        var query = new RateLimitPolicy(QueryPolicy, options.Query.Burst, TimeSpan.FromSeconds((double)options.Query.Burst / options.Query.RequestsPerSecond));
        var token = new RateLimitPolicy(TokenPolicy, options.Token.RequestsPerMinute, TimeSpan.FromMinutes(1));

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(QueryPolicy, context => RateLimitPartition.Get(PrincipalBuckets.KeyOf(context.User), principal =>
                new PrincipalPartition(context.RequestServices.GetRequiredKeyedService<PrincipalLimiter>(QueryPolicy), principal)));
            limiter.AddPolicy(TokenPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Token.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = (context, _) =>
            {
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == TokenPolicy ? token : query;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                return new ValueTask(policy.RejectAsync(context.HttpContext, retryAfter));
            };
        });
        return builder;
    }
}
