namespace Firewall.Storage.Reading;

/// <summary>The position after the last row of a page, newest first: rows strictly older than (OccurredAt, Id) come next.</summary>
public sealed record Keyset(DateTimeOffset OccurredAt, long Id);
