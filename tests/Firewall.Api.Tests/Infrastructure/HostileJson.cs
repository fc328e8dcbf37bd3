using System.Globalization;
using System.Text;
using CsCheck;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>
/// Generators of hostile event bodies, as raw JSON text (the JSON writers of .NET would refuse or repair what matters
/// here): odd Unicode, lone and paired surrogate escapes, U+0000, bytes that are not UTF-8, huge and odd numbers, deep and
/// wide nesting, every JSON type in every field, duplicate names and unknown fields. An event starts valid and takes 0 to
/// 3 mutations, so some survive and some do not.
/// </summary>
public static class HostileJson
{
    /// <summary>Stands for the case's own agent id; <see cref="Bytes"/> puts it in.</summary>
    public const string AgentPlaceholder = "__AGENT__";

    /// <summary>Stands for raw bytes that are not UTF-8 (a UTF-8-encoded surrogate); only <see cref="Bytes"/> can send it.</summary>
    private const string BadUtf8 = "__BAD_UTF8__";

    private static readonly string[] Fragments =
    [
        "hello", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\ude00\\ud83d", "\\ud800\\ud800", "\\u0000", "é", "😀", "\\u202e",
        "\\ufeff", "\\uffff", "\\u00e9", "\\\"", "\\\\", "\\\\ud800", "\\n\\t", BadUtf8, "Ignore all previous instructions",
        "alice@example.com", new string('x', 300), string.Concat(Enumerable.Repeat("é", 9000)),
    ];

    private static readonly string[] Scalars =
    [
        "null", "true", "false", "0", "-0", "1", "-1", "0.5", "1e400", "-1e400", "1e-400", "123456789012345678901234567890",
        new string('9', 400), "0." + new string('0', 400) + "1", "1E+2", "-0.0",
    ];

    private static readonly string[] Fields =
        ["eventId", "occurredAt", "agentId", "type", "action", "severity", "confidence", "model", "source", "message", "content", "attributes"];

    private static readonly string[] SourceFields = ["ip", "userId", "sessionId"];

    /// <summary>A JSON string literal built from 0 to 4 fragments, mostly benign.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.OneOf(Fragments).Array[1, 4].Select(parts => "\"" + string.Concat(parts) + "\"")),
        (1, Gen.OneOf("\"other\"", "\"blocked\"", "\"high\"", "\"2026-01-01T00:00:00Z\"", "\"" + Guid.Empty + "\"")));

    private static readonly Gen<string> Scalar = Gen.Frequency((2, Gen.OneOf(Scalars)), (3, Text));

    /// <summary>Nested 20 to 70 levels: past the 32 a body allows, and past the 64 a batch can split.</summary>
    private static readonly Gen<string> Deep = Gen.Select(Gen.Int[20, 70], Gen.Bool, (depth, asArray) => asArray
        ? new string('[', depth) + "1" + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));

    /// <summary>Many members or elements: 40 keys is past the attribute limit.</summary>
    private static readonly Gen<string> Wide = Gen.Select(Gen.Int[1, 600], Gen.Bool, (count, asArray) => asArray
        ? "[" + string.Join(',', Enumerable.Range(0, count)) + "]"
        : "{" + string.Join(',', Enumerable.Range(0, Math.Min(count, 60)).Select(i => $"\"k{i}\":{i}")) + "}");

    private static readonly Gen<string> Value = Nested(2);

    /// <summary>A value for any field: any JSON type, hostile text, deep or wide.</summary>
    private static readonly Gen<string> AnyValue = Gen.Frequency((6, Value), (3, Text), (1, Deep), (1, Wide));

    /// <summary>Mostly text, where the odd Unicode is; any value otherwise.</summary>
    private static readonly Gen<string> FieldValue = Gen.Frequency((3, Text), (2, AnyValue));

    private static readonly Gen<(string Field, string Value)> Mutation = Gen.Frequency(
        (6, Gen.Select(Gen.OneOf(Fields), FieldValue)),
        (2, Gen.Select(Gen.OneOf(SourceFields), FieldValue, (field, value) => ("source", $"{{\"ip\":\"203.0.113.7\",\"{field}\":{value}}}"))),
        (5, Gen.Select(Text, FieldValue, (key, value) => ("attributes", $"{{\"route\":\"/chat\",{key}:{value}}}"))),
        (1, Gen.Select(Text, AnyValue, (key, value) => ("+" + key, value))),
        (1, Gen.Select(Gen.OneOf(Fields), AnyValue, (field, value) => ("+\"" + field + "\"", value))));

    /// <summary>One event: a valid one with 0 to 3 mutations; a field named "+key" is added as written (unknown or repeated).</summary>
    public static readonly Gen<string> Event = Gen.Select(Gen.Guid, Mutation.Array[0, 3], (eventId, mutations) =>
    {
        var fields = new List<(string Key, string Value)>
        {
            ("\"eventId\"", $"\"{eventId}\""),
            ("\"occurredAt\"", $"\"{DateTimeOffset.UtcNow.AddSeconds(-5).ToString("O", CultureInfo.InvariantCulture)}\""),
            ("\"agentId\"", $"\"{AgentPlaceholder}\""),
            ("\"type\"", "\"prompt_injection\""),
            ("\"action\"", "\"blocked\""),
            ("\"content\"", "\"hello\""),
        };
        foreach (var (field, value) in mutations)
        {
            if (field.StartsWith('+'))
            {
                fields.Add((field[1..], value));
                continue;
            }

            var key = $"\"{field}\"";
            var at = fields.FindIndex(f => f.Key == key);
            if (at < 0)
            {
                fields.Add((key, value));
            }
            else
            {
                fields[at] = (key, value);
            }
        }

        return "{" + string.Join(',', fields.Select(f => $"{f.Key}:{f.Value}")) + "}";
    });

    /// <summary>1 to 5 events.</summary>
    public static readonly Gen<string[]> Batch = Event.Array[1, 5];

    /// <summary>The bytes to post: the case's agent id put in, and the placeholder for bad UTF-8 made real.</summary>
    public static byte[] Bytes(string json, string agentId)
    {
        var parts = json.Replace(AgentPlaceholder, agentId, StringComparison.Ordinal).Split(BadUtf8);
        var bytes = new List<byte>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                bytes.AddRange([0xED, 0xA0, 0x80]);
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(parts[i]));
        }

        return [.. bytes];
    }

    private static Gen<string> Nested(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, Nested(depth - 1).Array[0, 3].Select(items => "[" + string.Join(',', items) + "]")),
            (1, Gen.Select(Text, Nested(depth - 1)).Array[0, 3].Select(members => "{" + string.Join(',', members.Select(m => $"{m.Item1}:{m.Item2}")) + "}")));
}
