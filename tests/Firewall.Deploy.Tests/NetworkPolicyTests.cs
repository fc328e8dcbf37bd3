using System.Text.Json.Nodes;

namespace Firewall.Deploy.Tests;

/// <summary>Firewall pods take traffic from the ingress controller and Prometheus only, and reach DNS, PostgreSQL and Redis only.</summary>
public sealed class NetworkPolicyTests
{
    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void ThePolicyCoversTheApiAndTheMigrationJobForBothDirections(string overlay)
    {
        var rendered = Overlay.Render(overlay);
        var spec = Policy(rendered)["spec"]!;
        var selector = spec["podSelector"]!["matchLabels"]!;

        Assert.Equal(["Ingress", "Egress"], spec["policyTypes"]!.AsArray().Select(t => (string?)t));
        Assert.True(RolloutTests.Selects(selector, rendered.Api["spec"]!["template"]!["metadata"]!["labels"]!.AsObject()));
        Assert.True(RolloutTests.Selects(selector, rendered.Get("Job", "firewall-migrate")["spec"]!["template"]!["metadata"]!["labels"]!.AsObject()));
    }

    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void IngressComesOnlyFromTheIngressControllerAndPrometheusNamespaces(string overlay)
    {
        var rules = Policy(Overlay.Render(overlay))["spec"]!["ingress"]!.AsArray();

        var namespaces = rules.SelectMany(r => r!["from"]!.AsArray())
            .Select(peer => (string?)peer!["namespaceSelector"]?["matchLabels"]?["kubernetes.io/metadata.name"]).ToList();
        Assert.Equal(["ingress-nginx", "monitoring"], namespaces);
        Assert.All(rules, r => Assert.Equal([8080], r!["ports"]!.AsArray().Select(p => (int)p!["port"]!)));
    }

    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void EgressGoesOnlyToDnsPostgresAndRedisEachToANamedDestination(string overlay)
    {
        var rules = Policy(Overlay.Render(overlay))["spec"]!["egress"]!.AsArray();

        Assert.All(rules, rule => Assert.NotEmpty(rule!["to"]?.AsArray() ?? []));
        Assert.Equal([53, 5432, 6379], rules.SelectMany(r => r!["ports"]!.AsArray()).Select(p => (int)p!["port"]!).Distinct().Order());
        var dns = Assert.Single(rules, r => r!["ports"]!.AsArray().Any(p => (int)p!["port"]! == 53))!;
        Assert.Equal("kube-dns", (string?)dns["to"]![0]!["podSelector"]!["matchLabels"]!["k8s-app"]);
    }

    [Fact]
    public void InDevelopmentTheDatastoreRulesSelectTheInClusterPostgresAndRedisPods()
    {
        var dev = Overlay.Render("dev");
        var rules = Policy(dev)["spec"]!["egress"]!.AsArray();

        foreach (var (port, workload) in new[] { (5432, dev.Get("StatefulSet", "postgres")), (6379, dev.Get("Deployment", "redis")) })
        {
            var rule = rules.Single(r => r!["ports"]!.AsArray().Any(p => (int)p!["port"]! == port))!;
            Assert.True(RolloutTests.Selects(rule["to"]![0]!["podSelector"]!["matchLabels"]!, workload["spec"]!["template"]!["metadata"]!["labels"]!.AsObject()));
        }
    }

    [Fact]
    public void InProductionTheDatastoreRulesAreAddressBlocks()
    {
        var rules = Policy(Overlay.Render("prod"))["spec"]!["egress"]!.AsArray();

        Assert.All(rules.Where(r => r!["ports"]!.AsArray().All(p => (int)p!["port"]! != 53)),
            rule => Assert.NotNull(rule!["to"]![0]!["ipBlock"]?["cidr"]));
    }

    private static JsonObject Policy(Overlay overlay) => overlay.Get("NetworkPolicy", "firewall");
}
