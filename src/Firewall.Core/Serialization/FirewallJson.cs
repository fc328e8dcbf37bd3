using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Firewall.Core.Serialization;

/// <summary>The one JSON dialect of the API: camelCase, snake_case enum names, RFC 3339 UTC times, and strict input.</summary>
public static class FirewallJson
{
    /// <summary>Strict input: duplicate names, integers for enums, unknown members and nesting past 32 fail.</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.AllowDuplicateProperties = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.MaxDepth = Events.EventLimits.MaxJsonDepth;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new WireEnumConverter());
        options.Converters.Add(new UtcTimestampConverter());
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(FirewallJsonContext.Default, options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver());
        return options;
    }
}
