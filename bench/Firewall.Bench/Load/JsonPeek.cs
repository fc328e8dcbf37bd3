using System.Text;
using System.Text.Json;

namespace Firewall.Bench.Load;

/// <summary>Reads one top-level property of a response without parsing the rest, to keep the load generator cheap.</summary>
public static class JsonPeek
{
    public static string? Text(byte[] json, string property)
    {
        var reader = new Utf8JsonReader(json);
        var name = Encoding.UTF8.GetBytes(property);
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name))
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            if (reader.CurrentDepth >= 1 && reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
            {
                reader.Skip();
            }
        }

        return null;
    }

    public static int Count(byte[] json, string property)
    {
        var reader = new Utf8JsonReader(json);
        var name = Encoding.UTF8.GetBytes(property);
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name))
            {
                reader.Read();
                return reader.GetInt32();
            }
        }

        return 0;
    }
}
