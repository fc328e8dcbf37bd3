using System.Text.Json;
using Firewall.Core.Events;
using Firewall.Core.Serialization;

namespace Firewall.Api.Streaming;

/// <summary>A stored, redacted event on its way to streams, with its JSON (as <c>GET /api/v1/events/{id}</c> writes it) made once for all of them.</summary>
internal sealed record LiveEvent(SecurityEvent Event, string Json)
{
    public static LiveEvent From(SecurityEvent stored) => new(stored, JsonSerializer.Serialize(stored, FirewallJson.Options));
}
