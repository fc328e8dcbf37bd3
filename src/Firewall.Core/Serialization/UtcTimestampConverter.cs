using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Firewall.Core.Serialization;

/// <summary>
/// RFC 3339 timestamps: input must carry an offset (a bare local time is ambiguous), output is always UTC with "Z".
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !TryParse(text, out var value))
        {
            throw new JsonException("must be an RFC 3339 timestamp with an offset, e.g. 2026-11-22T17:03:12.512Z.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses an RFC 3339 timestamp that ends in Z or ±hh:mm; query strings use it too.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var hasOffset = text.Length > 19 && (text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-');
        return hasOffset && text[10] is 'T' or 't' or ' '
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
    }
}
