using System.Text.Json;
using System.Text.Json.Serialization;
using Firewall.Core.Events;
using Firewall.Storage.Reading;

namespace Firewall.Api.Query;

/// <summary>
/// Writes a page's rows as the stored event's members (the same contract as <c>GET /api/v1/events/{id}</c>, content
/// possibly an excerpt) followed by <c>contentTruncated</c>. Write-only: the API never reads a page.
/// </summary>
internal sealed class ListedEventsConverter : JsonConverter<IReadOnlyList<ListedEvent>>
{
    public override IReadOnlyList<ListedEvent> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Pages are written, never read.");

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<ListedEvent> value, JsonSerializerOptions options)
    {
        var members = options.GetTypeInfo(typeof(SecurityEvent)).Properties;
        var truncatedName = options.PropertyNamingPolicy?.ConvertName("contentTruncated") ?? "contentTruncated";
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStartObject();
            foreach (var member in members)
            {
                // Nulls are left out, as the API's JSON dialect does for every event (FirewallJson: WhenWritingNull).
                if (member.Get?.Invoke(item.Event) is { } memberValue)
                {
                    writer.WritePropertyName(member.Name);
                    JsonSerializer.Serialize(writer, memberValue, member.PropertyType, options);
                }
            }

            writer.WriteBoolean(truncatedName, item.ContentTruncated);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
