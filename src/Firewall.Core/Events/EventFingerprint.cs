using System.Security.Cryptography;
using System.Text.Json;
using Firewall.Core.Serialization;

namespace Firewall.Core.Events;

/// <summary>
/// SHA-256 of an agent's payload in one canonical JSON form, without its eventId (the idempotency key itself).
/// A replay with the same fingerprint is a duplicate; a different one is a conflict (409).
/// </summary>
public static class EventFingerprint
{
    public static byte[] Compute(EventInput normalized) =>
        SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(normalized with { EventId = null }, FirewallJson.Options));
}
