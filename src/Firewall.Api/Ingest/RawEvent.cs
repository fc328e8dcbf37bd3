using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Firewall.Api.Http;
using Firewall.Core.Events;

namespace Firewall.Api.Ingest;

/// <summary>
/// One item of a batch exactly as sent (its UTF-8 JSON), unread: duplicate names, odd strings and wrong types in it are
/// found when the item is read alone, so they reject that item and not the batch. <paramref name="IsText"/> when every
/// string in it is known to be Unicode text (<see cref="BatchItems"/> checked), so reading it need not check again.
/// </summary>
[JsonConverter(typeof(RawEventConverter))]
public sealed record RawEvent(ReadOnlyMemory<byte> Utf8Json, bool IsText = false)
{
    /// <summary>The item read alone, as a single event's body is; the text check is skipped when the split already did it.</summary>
    internal EventInput Read() => IsText
        ? JsonBody.DeserializeText<EventInput>(Utf8Json.Span, "event")
        : JsonBody.Deserialize<EventInput>(Utf8Json.Span, "event");
}

/// <summary>Captures an item's bytes. JsonDocument checks structure only: it neither decodes strings nor compares names.</summary>
internal sealed class RawEventConverter : JsonConverter<RawEvent>
{
    // A null item is an item too: read alone, it is rejected as "must be a JSON object".
    public override bool HandleNull => true;

    public override RawEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var item = JsonDocument.ParseValue(ref reader);
        return new RawEvent(JsonMarshal.GetRawUtf8Value(item.RootElement).ToArray());
    }

    public override void Write(Utf8JsonWriter writer, RawEvent value, JsonSerializerOptions options) => writer.WriteRawValue(value.Utf8Json.Span);
}
