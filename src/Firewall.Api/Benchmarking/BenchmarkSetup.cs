using Firewall.Core.Classification;
using Firewall.Storage.Writing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Firewall.Api.Benchmarking;

/// <summary>
/// Applies <c>Firewall:Benchmark:Skip</c>: nothing without it; with it, refuses to start outside the Benchmark
/// environment, and otherwise replaces the stages it names. Call after the auth, storage and ingest registrations.
/// </summary>
public static class BenchmarkSetup
{
    public static IHostApplicationBuilder AddFirewallBenchmarkStages(this IHostApplicationBuilder builder)
    {
        var skipped = BenchmarkStages.Parse(builder.Configuration[BenchmarkStages.SkipKey]);
        builder.Services.AddSingleton(services => new ClassificationStage(services.GetRequiredService<EventClassifier>(), skipped));
        if (skipped == SkippedStages.None)
        {
            return builder;
        }

        if (!builder.Environment.IsEnvironment(BenchmarkStages.Environment))
        {
            throw new InvalidOperationException(
                $"{BenchmarkStages.SkipKey} ({skipped}) is honoured only in the {BenchmarkStages.Environment} environment, not in "
                + $"{builder.Environment.EnvironmentName}: it stores events unclassified, accepts anonymous requests or drops writes.");
        }

        builder.Services.AddHostedService(services => new BenchmarkStagesNotice(skipped, services.GetRequiredService<ILogger<BenchmarkStagesNotice>>()));
        if (skipped.HasFlag(SkippedStages.Commit))
        {
            builder.Services.Replace(ServiceDescriptor.Singleton<IEventWriter, AcknowledgingWriter>());
        }

        if (skipped.HasFlag(SkippedStages.Auth))
        {
            builder.Services.AddAuthentication(options =>
                {
                    options.DefaultScheme = AnonymousBenchmarkHandler.SchemeName;
                    options.DefaultAuthenticateScheme = AnonymousBenchmarkHandler.SchemeName;
                    options.DefaultChallengeScheme = AnonymousBenchmarkHandler.SchemeName;
                })
                .AddScheme<AuthenticationSchemeOptions, AnonymousBenchmarkHandler>(AnonymousBenchmarkHandler.SchemeName, configureOptions: null);
        }

        return builder;
    }
}
