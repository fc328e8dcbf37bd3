using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Firewall.Core.Serialization;

/// <summary>
/// Enumerations as lower-case wire names (snake_case, or the member's <see cref="JsonStringEnumMemberNameAttribute"/>),
/// matched case-insensitively on input as API.md requires; numbers are refused. The built-in converter matches
/// policy-named values case-sensitively, hence this one.
/// </summary>
public sealed class WireEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    /// <summary>The wire name of every member of <typeparamref name="T"/>.</summary>
    public static IReadOnlyDictionary<T, string> NamesOf<T>() where T : struct, Enum => Converter<T>.Names;

    /// <summary>Parses a wire name case-insensitively.</summary>
    public static bool TryParse<T>(string text, out T value) where T : struct, Enum => Converter<T>.Values.TryGetValue(text, out value);

    private sealed class Converter<T> : JsonConverter<T> where T : struct, Enum
    {
        internal static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v, WireName);
        internal static readonly Dictionary<string, T> Values = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);
        private static readonly string Allowed = string.Join(", ", Names.Values);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && Values.TryGetValue(reader.GetString()!, out var value)
                ? value
                : throw new JsonException($"must be one of: {Allowed}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Names.TryGetValue(value, out var name) ? name : throw new JsonException($"{value} has no wire name."));

        private static string WireName(T value)
        {
            var member = typeof(T).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static)!;
            return member.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
        }
    }
}
