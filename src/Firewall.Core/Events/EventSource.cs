namespace Firewall.Core.Events;

/// <summary>Where the prompt came from, as the agent saw it.</summary>
public sealed record EventSource(string? Ip, string? UserId, string? SessionId);
