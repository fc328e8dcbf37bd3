namespace Firewall.Api.Tests.Infrastructure;

/// <summary>
/// Tests that read Firewall's meters run alone. Every host in the process has its own "Firewall" meter, but an
/// OpenTelemetry MeterProvider listens by meter name, process-wide: an instrument of the same name from another host
/// that is disposed meanwhile ends the shared metric stream. One host per process (production) is unaffected.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Firewall meters";
}
