using System.Text.Json;

namespace Firewall.Api.Ingest;

/// <summary>The batch body: its items stay raw so one malformed event rejects only itself.</summary>
public sealed record BatchRequest(IReadOnlyList<JsonElement>? Events);

/// <summary>What happened to each item of a batch, in order.</summary>
public sealed record BatchResponse(int Created, int Duplicates, int Rejected, IReadOnlyList<BatchItemResult> Results);

public enum BatchItemStatus
{
    Created,
    Duplicate,
    Rejected,
}

/// <summary>One item's outcome; <c>eventId</c> is an extension of API.md so agents can match results without counting.</summary>
public sealed record BatchItemResult(int Index, long? Id, Guid? EventId, BatchItemStatus Status, IReadOnlyDictionary<string, string[]>? Errors = null);
