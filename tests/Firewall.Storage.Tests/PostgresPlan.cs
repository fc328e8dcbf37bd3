using System.Text.Json;

namespace Firewall.Storage.Tests;

/// <summary>The nodes of an <c>EXPLAIN (ANALYZE, FORMAT JSON)</c> plan, flattened, to assert on.</summary>
internal sealed class PostgresPlan
{
    private PostgresPlan(string json)
    {
        Json = json;
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement[0].GetProperty("Plan"));
    }

    public string Json { get; }

    public List<Dictionary<string, JsonElement>> Nodes { get; } = [];

    public static PostgresPlan Parse(string json) => new(json);

    public IEnumerable<Dictionary<string, JsonElement>> OfType(params string[] types) =>
        Nodes.Where(n => types.Contains(n["Node Type"].GetString()));

    private void Walk(JsonElement node)
    {
        Nodes.Add(node.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()));
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Walk(child);
            }
        }
    }
}
