using System.Security.Cryptography;
using System.Text.Json;
using Firewall.Core.Serialization;

namespace Firewall.Core.Events;

/// <summary>
/// The identity of an agent's payload without its eventId (the idempotency key itself): a replay with the same
/// fingerprint is a duplicate, a different one a conflict (409). New events store the 16-byte <see cref="PayloadHash"/>;
/// events stored before it carry a 32-byte SHA-256 of the payload's JSON, which <see cref="Matches"/> still recognises.
/// </summary>
public sealed class EventFingerprint
{
    // Kept only to answer a replay of an event stored with the former fingerprint; null when not computed from a payload.
    private readonly EventInput? _payload;

    /// <summary>A fingerprint as stored, or as a test builds it.</summary>
    public EventFingerprint(byte[] value) => Value = value;

    private EventFingerprint(byte[] value, EventInput payload) : this(value) => _payload = payload;

    /// <summary>What is stored with the event.</summary>
    public byte[] Value { get; }

    /// <summary>The fingerprint of a validated, normalized input (agentId defaulted, occurredAt in UTC).</summary>
    public static EventFingerprint Compute(EventInput normalized) => new(PayloadHash.Compute(normalized), normalized);

    /// <summary>True when <paramref name="stored"/> is this payload's fingerprint, in the current or the former format.</summary>
    public bool Matches(ReadOnlySpan<byte> stored) =>
        stored.SequenceEqual(Value)
        || (_payload is not null && stored.Length == SHA256.HashSizeInBytes && stored.SequenceEqual(FormerFormat(_payload)));

    /// <summary>The format before <see cref="PayloadHash"/>: SHA-256 of the payload's canonical JSON.</summary>
    internal static byte[] FormerFormat(EventInput normalized) =>
        SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(normalized with { EventId = null }, FirewallJson.Options));
}
