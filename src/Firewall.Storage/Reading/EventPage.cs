namespace Firewall.Storage.Reading;

/// <summary>One page of events, newest first, and where the next page starts (null on the last page).</summary>
public sealed record EventPage(IReadOnlyList<ListedEvent> Items, Keyset? Next);
