using Firewall.Core.Serialization;
using Microsoft.Extensions.Primitives;

namespace Firewall.Api.Query;

/// <summary>
/// Strict reading of query parameters: unknown names, repeated single values and unparseable values are collected as
/// field errors, so one 400 names every wrong parameter.
/// </summary>
internal sealed class QueryString(IQueryCollection query, IReadOnlySet<string> allowed)
{
    public Dictionary<string, string[]> Errors { get; } = query.Keys
        .Where(name => !allowed.Contains(name))
        .ToDictionary(name => name, _ => new[] { "is not a known parameter." });

    public string? Single(string name)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            Errors[name] = ["must be given at most once."];
        }

        return values.Count == 0 ? null : values[0];
    }

    public DateTimeOffset? Timestamp(string name) =>
        Single(name) is { } text
            ? UtcTimestampConverter.TryParse(text, out var value) ? value : Fail<DateTimeOffset?>(name, "must be an RFC 3339 timestamp with an offset, e.g. 2026-11-22T17:03:12Z.")
            : null;

    /// <summary>The window <paramref name="from"/> and <paramref name="to"/> give (<see cref="TimeWindow.Resolve"/>); an empty one fails the bound that was sent.</summary>
    public TimeWindow Window(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now)
    {
        var window = TimeWindow.Resolve(from, to, now);
        if (window.IsEmpty)
        {
            Fail<object>(from is null ? "to" : "from", "'from' must be earlier than 'to'.");
        }

        return window;
    }

    public int? Integer(string name) =>
        Single(name) is { } text
            ? int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : Fail<int?>(name, "must be a whole number.")
            : null;

    public T? Enum<T>(string name) where T : struct, System.Enum =>
        Single(name) is { } text ? Parse<T>(name, text) : null;

    /// <summary>A repeated or comma-separated list of enumeration names; null when absent.</summary>
    public HashSet<T>? EnumSet<T>(string name) where T : struct, System.Enum
    {
        StringValues values = query[name];
        if (values.Count == 0)
        {
            return null;
        }

        var parsed = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries)).Select(text => Parse<T>(name, text)).ToList();
        return parsed.All(p => p.HasValue) ? [.. parsed.Select(p => p!.Value)] : null;
    }

    private T? Parse<T>(string name, string text) where T : struct, System.Enum =>
        WireEnumConverter.TryParse<T>(text, out var value)
            ? value
            : Fail<T?>(name, $"must be one of: {string.Join(", ", WireEnumConverter.NamesOf<T>().Values)}.");

    public T? Fail<T>(string name, string message)
    {
        Errors[name] = [message];
        return default;
    }
}
