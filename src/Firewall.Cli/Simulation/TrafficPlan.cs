namespace Firewall.Cli.Simulation;

/// <summary>How much traffic to play: events per second over all agents, for how long, by how many agents, in what batches.</summary>
internal sealed record TrafficPlan(Uri BaseAddress, double Rate, TimeSpan Duration, int Agents, int Batch)
{
    /// <summary>The time between two requests of one agent, so that all agents together send <see cref="Rate"/> events/s.</summary>
    public TimeSpan Interval => TimeSpan.FromSeconds(Batch * Agents / Rate);
}
