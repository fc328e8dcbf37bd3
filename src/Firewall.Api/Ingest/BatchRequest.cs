using System.Text.Json;
using Firewall.Core.Events;
using Firewall.Core.Serialization;

namespace Firewall.Api.Ingest;

/// <summary>The batch body: its items stay raw so that anything wrong with one item rejects only that item.</summary>
public sealed record BatchRequest(IReadOnlyList<RawEvent>? Events)
{
    /// <summary>Strict as every body, but deep enough that an item nested too deep is split off and rejected alone.</summary>
    internal static readonly JsonSerializerOptions Options = new(FirewallJson.Options) { MaxDepth = EventLimits.MaxBatchJsonDepth };
}

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
