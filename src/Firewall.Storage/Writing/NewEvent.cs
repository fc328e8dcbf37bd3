using Firewall.Core.Events;

namespace Firewall.Storage.Writing;

/// <summary>A classified, redacted event ready to store. <paramref name="Fingerprint"/> is the SHA-256 of the agent's payload, compared on replays.</summary>
public sealed record NewEvent(SecurityEvent Event, byte[] Fingerprint);
