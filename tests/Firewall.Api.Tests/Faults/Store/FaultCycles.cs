using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Xunit.Abstractions;

namespace Firewall.Api.Tests.Faults.Store;

/// <summary>
/// What every store-fault test does around its own fault: warm up, start agents posting (<see cref="LoadRun"/>), run
/// <see cref="FaultMode.Cycles"/> fault cycles after a spell of load each, prove the same API serves again, stop the load
/// and check that every acknowledged event is stored exactly once (<see cref="FaultInvariants"/>).
/// </summary>
public static class FaultCycles
{
    /// <param name="cycle">One fault: inject it, probe the API while it lasts, end it (in a <c>finally</c>).</param>
    /// <param name="storedEvents">Reads every stored event id with its count from the store after the run.</param>
    /// <param name="afterRecovery">Runs once the API serves again, while the load still runs (retries of refused events).</param>
    /// <returns>The stored events, for a test's own further checks.</returns>
    public static async Task<Dictionary<Guid, int>> UnderLoadAsync(
        ServingApi api,
        Func<Probes, Task> cycle,
        Func<Task<Dictionary<Guid, int>>> storedEvents,
        ITestOutputHelper output,
        Func<Probes, Task>? afterRecovery = null)
    {
        using var probes = new Probes(api);
        await probes.AssertServesAsync();
        await using var run = LoadRun.Start(api.ClientFor(Roles.Agent, Answer.Patience));

        for (var i = 0; i < FaultMode.Cycles; i++)
        {
            await run.Load.SpellAsync(FaultMode.Load, FaultMode.MinimumAcknowledged / FaultMode.Cycles + 1);
            await cycle(probes);
        }

        await probes.AssertServesAsync();
        if (afterRecovery is not null)
        {
            await afterRecovery(probes);
        }

        var load = await run.StopAsync();
        output.WriteLine(load.ToString());
        var stored = await storedEvents();
        FaultInvariants.AssertKept(load, stored);
        return stored;
    }
}
