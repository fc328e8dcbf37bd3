using System.Text.Json.Nodes;
using Firewall.Testing;

namespace Firewall.Deploy.Tests;

/// <summary>
/// One kustomize overlay as <c>kubectl kustomize</c> rendered it into k8s/rendered (scripts/render-k8s.sh; lint-deploy.sh
/// fails when that file is stale), with lookups by kind and name.
/// </summary>
public sealed class Overlay
{
    public static readonly TheoryData<string> Names = ["dev", "prod"];

    private static readonly Dictionary<string, Overlay> Cache = [];

    private Overlay(string name, List<JsonObject> objects) => (Name, Objects) = (name, objects);

    public string Name { get; }

    public IReadOnlyList<JsonObject> Objects { get; }

    public static Overlay Render(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var overlay))
            {
                overlay = new Overlay(name, Yaml.Documents(File.ReadAllText(RepositoryRoot.File("k8s", "rendered", $"{name}.yaml"))));
                Cache[name] = overlay;
            }

            return overlay;
        }
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject Get(string kind, string name) =>
        Assert.Single(OfKind(kind), o => (string?)o["metadata"]!["name"] == name);

    /// <summary>The Firewall API Deployment.</summary>
    public JsonObject Api => Get("Deployment", "firewall");

    public JsonObject ConfigMap => Get("ConfigMap", "firewall");

    /// <summary>Every pod template: Deployments, StatefulSets and Jobs, with the name of the object that holds it.</summary>
    public IEnumerable<(string Owner, JsonObject Pod)> PodTemplates =>
        Objects.Where(o => (string?)o["kind"] is "Deployment" or "StatefulSet" or "Job")
            .Select(o => ($"{o["kind"]}/{o["metadata"]!["name"]}", o["spec"]!["template"]!.AsObject()));
}
