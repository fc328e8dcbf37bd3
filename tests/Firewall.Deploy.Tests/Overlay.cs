using System.Diagnostics;
using System.Text.Json.Nodes;
using Firewall.Testing;

namespace Firewall.Deploy.Tests;

/// <summary>One kustomize overlay as <c>kubectl kustomize</c> renders it (offline), with lookups by kind and name.</summary>
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
                overlay = new Overlay(name, Yaml.Documents(Kubectl("kustomize", RepositoryRoot.File("k8s", "overlays", name))));
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

    private static string Kubectl(params string[] arguments)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"kubectl {string.Join(' ', arguments)} failed: {error}");
        return output.Result;
    }
}
