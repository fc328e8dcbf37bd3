using System.Diagnostics;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;

namespace Firewall.Api.Tests;

/// <summary>
/// SIGTERM with live-tail streams open, on the API binary as a real process: the streams end at once and never hold the
/// shutdown up (SIGTERM under ingest load is in Faults/Process/ApiSigtermTests).
/// </summary>
public sealed class GracefulShutdownTests
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

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
