using Firewall.Core.Events;

namespace Firewall.Storage.Writing;

/// <summary>A classified, redacted event ready to store. <paramref name="Fingerprint"/> identifies the agent's payload, compared on replays.</summary>
public sealed record NewEvent(SecurityEvent Event, EventFingerprint Fingerprint);
