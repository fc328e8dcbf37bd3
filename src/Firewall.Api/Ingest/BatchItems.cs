using System.Text.Json;
using Firewall.Api.Http;
using Firewall.Core.Events;

namespace Firewall.Api.Ingest;

/// <summary>
/// Splits a batch body into its items' bytes. A plain <c>{"events": [...]}</c> is split in one token pass that also
/// checks every string of every item (<see cref="JsonText.IsText"/>), without copying or building documents; any
/// other shape goes to the strict deserializer, whose answers (400 naming the field) are the contract.
/// </summary>
internal static class BatchItems
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = EventLimits.MaxBatchJsonDepth };

    /// <summary>The batch's items in order; throws <see cref="RequestValidationException"/> when the batch itself is wrong.</summary>
    public static IReadOnlyList<RawEvent> Read(ReadOnlyMemory<byte> body)
    {
        var items = TrySplit(body) ?? JsonBody.Deserialize<BatchRequest>(body.Span, "body", BatchRequest.Options, checkedDepth: 1).Events;
        return items switch
        {
            null => throw RequestValidationException.For("events", "is required."),
            { Count: 0 } => throw RequestValidationException.For("events", "must hold at least one event."),
            { Count: > EventLimits.MaxBatchEvents } => throw RequestValidationException.For("events", $"must hold at most {EventLimits.MaxBatchEvents} events."),
            _ => items,
        };
    }

    /// <summary>The items of a body that is exactly one object with one member, "events", an array; null for anything else.</summary>
    private static List<RawEvent>? TrySplit(ReadOnlyMemory<byte> body)
    {
        var reader = new Utf8JsonReader(body.Span, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("events"u8)
                || !reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            var items = new List<RawEvent>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                var isText = ScanItem(ref reader);
                items.Add(new RawEvent(body[start..(int)reader.BytesConsumed], isText));
            }

            var closed = reader.TokenType == JsonTokenType.EndArray
                && reader.Read() && reader.TokenType == JsonTokenType.EndObject
                && !reader.Read();
            return closed ? items : null;
        }
        catch (JsonException)
        {
            // Malformed or too deep: the strict path says where and why.
            return null;
        }
    }

    /// <summary>Reads to the end of the item the reader is on; true when every string and name in it is Unicode text.</summary>
    private static bool ScanItem(ref Utf8JsonReader reader)
    {
        var isText = IsTextToken(ref reader);
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return isText;
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            isText = isText && IsTextToken(ref reader);
        }

        return isText;
    }

    private static bool IsTextToken(ref Utf8JsonReader reader) =>
        reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || JsonText.IsText(reader.ValueSpan, reader.ValueIsEscaped);
}
