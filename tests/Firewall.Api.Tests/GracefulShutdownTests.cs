using System.Diagnostics;
using System.Net;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;

namespace Firewall.Api.Tests;

/// <summary>
/// SIGTERM under load, on the API binary as a real process (SQLite in a temp data folder): the process stops taking
/// requests, drains the write queue, exits 0 within the grace period, and every event it acknowledged is stored. Open
/// live-tail streams end at once and never hold the shutdown up.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const int Workers = 16;
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task UnderLoadSigtermExitsZeroWithinTheGracePeriodAndEveryAcknowledgedEventIsStored()
    {
        using var api = await ServingApi.StartAsync(
            ("Firewall__RateLimits__Ingest__EventsPerSecond", "1000000"), ("Firewall__RateLimits__Ingest__Burst", "1000000"));
        using var client = api.ClientFor(Roles.Agent, GracePeriod);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(Events.Valid())).StatusCode); // warm-up: JIT, EF model

        var load = new IngestLoad(client);
        var workers = load.RunAsync(Workers, CancellationToken.None);
        await Task.Delay(Load);
        load.Terminated = true; // before the signal: a refused connection can reach a worker before TerminateAsync returns
        await api.TerminateAsync();
        await api.WaitForExitAsync(GracePeriod);

        await workers;
        var log = await api.LogAsync();
        Assert.True(api.Process.ExitCode == 0, $"the API exited with {api.Process.ExitCode}: {log}");
        Assert.True(load.Unexpected.IsEmpty, $"{load}\n{log}");
        Assert.True(load.Acknowledged.Count > 100, $"too few events were acknowledged under load: {load}\n{log}");
        StoredEvents.AssertHoldsEachOnce(await StoredEvents.InSqliteAsync(api.DataPath), load.Acknowledged.Keys);
    }

    [Fact]
    public async Task SigtermEndsAnOpenStreamAtOnceAndTheProcessExitsLongBeforeTheGracePeriod()
    {
        using var api = await ServingApi.StartAsync();
        using var client = api.ClientFor(Roles.Analyst);
        await using var stream = await LiveStream.OpenAsync(client);

        var clock = Stopwatch.StartNew();
        await api.TerminateAsync();
        await stream.RestUntilEndAsync(TimeSpan.FromSeconds(10));
        await api.WaitForExitAsync(GracePeriod);

        // Kestrel would wait the whole grace period (ShutdownTimeoutSeconds, 30 s) for a stream that did not end.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the API took {clock.Elapsed} to stop with a stream open");
        Assert.True(api.Process.ExitCode == 0, $"the API exited with {api.Process.ExitCode}: {await api.LogAsync()}");
    }
}
