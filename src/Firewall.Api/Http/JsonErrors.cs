using System.Text.Json;

namespace Firewall.Api.Http;

/// <summary>Turns a System.Text.Json complaint into a field name and a message a client can act on, without type names.</summary>
internal static class JsonErrors
{
    /// <summary>Fields API.md reserves for the server: sending them is an error, never trusted.</summary>
    private static readonly HashSet<string> ServerOwned = ["id", "receivedAt", "category", "riskScore", "findings", "redactions", "agentSeverity", "ruleSetVersion", "detectorModelVersion"];

    public static Dictionary<string, string[]> Describe(JsonException exception, string rootName, int maxDepth)
    {
        var field = FieldOf(exception.Path, rootName);
        var leaf = field[(field.LastIndexOf('.') + 1)..];
        var message = exception.Message switch
        {
            var m when m.StartsWith("Duplicate property", StringComparison.Ordinal) => "is given more than once.",
            var m when m.Contains("could not be mapped", StringComparison.Ordinal) => ServerOwned.Contains(leaf)
                ? "is assigned by the server and must not be sent."
                : "is not a known field.",
            var m when m.Contains("maximum configured depth", StringComparison.Ordinal) => $"is nested deeper than {maxDepth} levels.",
            var m when m.Contains("could not be converted", StringComparison.Ordinal) => "has the wrong JSON type for this field.",
            var m when m.Contains("Path:", StringComparison.Ordinal) || exception.InnerException is not null => "is not valid JSON.",
            var m => m,
        };
        // A member named "" leaves the path ending in a dot: name the object that holds it, never an empty field.
        return field.Length == 0 || field.EndsWith('.')
            ? new Dictionary<string, string[]> { [field.TrimEnd('.') is { Length: > 0 } holder ? holder : rootName] = [$"has a member with an empty name that {message}"] }
            : new Dictionary<string, string[]> { [field] = [message] };
    }

    /// <summary>"$.source.ip" becomes "source.ip"; the document root is <paramref name="rootName"/>.</summary>
    private static string FieldOf(string? path, string rootName) =>
        path is null or "$" ? rootName : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
