using System.Buffers.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Firewall.Api.Http;

/// <summary>
/// Finds the first JSON string (a value or a property name) that is well-formed JSON yet not Unicode text: a lone
/// surrogate escape such as <c>"\ud800"</c>, or bytes that are not UTF-8. System.Text.Json parses such a document but
/// throws when the string is read, and neither PostgreSQL nor a JSON writer accepts it, so it must be refused (as a 400
/// naming the field) before anything reads the document. Nothing here throws on any input.
/// </summary>
internal static class JsonText
{
    private const string ValueMessage = "is not valid Unicode text (a lone surrogate escape or bytes that are not UTF-8).";
    private const string NameMessage = "has a property name that is not valid Unicode text (a lone surrogate escape or bytes that are not UTF-8).";

    /// <summary>
    /// The field holding the first string that is not Unicode text, with its message; null when there is none or when the
    /// document is malformed (the deserializer names that). Strings deeper than <paramref name="checkedDepth"/> are not
    /// looked at: a batch leaves its items to be judged one by one.
    /// </summary>
    public static KeyValuePair<string, string>? FindInvalid(ReadOnlySpan<byte> json, string rootName, int maxDepth, int checkedDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        var path = new JsonPath(rootName);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth > checkedDepth)
                {
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }

                    path.Value();
                    continue;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Open(reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.Close();
                        break;
                    case JsonTokenType.PropertyName when !IsText(reader.ValueSpan, reader.ValueIsEscaped):
                        return KeyValuePair.Create(path.Container, NameMessage);
                    case JsonTokenType.PropertyName:
                        path.Name(reader.GetString()!);
                        break;
                    case JsonTokenType.String when !IsText(reader.ValueSpan, reader.ValueIsEscaped):
                        path.Value();
                        return KeyValuePair.Create(path.Current, ValueMessage);
                    default:
                        path.Value();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the strict deserializer that runs next names where and why.
        }

        return null;
    }

    /// <summary>True when a string token's raw bytes decode to Unicode text: valid UTF-8, every surrogate escape paired.</summary>
    internal static bool IsText(ReadOnlySpan<byte> raw, bool escaped)
    {
        if (!Utf8.IsValid(raw))
        {
            return false;
        }

        if (!escaped)
        {
            return true;
        }

        // The reader has checked the escapes' syntax: a backslash is followed by one character, or by u and 4 hex digits.
        var highPending = false;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\')
            {
                if (highPending)
                {
                    return false;
                }

                continue;
            }

            if (raw[i + 1] != 'u')
            {
                if (highPending)
                {
                    return false;
                }

                i++;
                continue;
            }

            if (!Utf8Parser.TryParse(raw.Slice(i + 2, 4), out ushort unit, out _, 'X'))
            {
                return false;
            }

            i += 5;
            var high = unit is >= 0xD800 and <= 0xDBFF;
            var low = unit is >= 0xDC00 and <= 0xDFFF;
            if (highPending != low)
            {
                return false;
            }

            highPending = high;
        }

        return !highPending;
    }
}
