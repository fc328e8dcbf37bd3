using System.Text.Json;
using Firewall.Core.Events;
using Firewall.Core.Serialization;

namespace Firewall.Bench.Load;

/// <summary>Request bodies in the API's own JSON dialect, so the benchmark cannot drift from the contract.</summary>
public static class WireBodies
{
    public static byte[] OneEvent(EventInput input) => JsonSerializer.SerializeToUtf8Bytes(input, FirewallJson.Options);

    public static byte[] Batch(IReadOnlyList<EventInput> events) => JsonSerializer.SerializeToUtf8Bytes(new BatchBody(events), FirewallJson.Options);

    private sealed record BatchBody(IReadOnlyList<EventInput> Events);
}
