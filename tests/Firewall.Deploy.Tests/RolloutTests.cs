using System.Text.Json.Nodes;

namespace Firewall.Deploy.Tests;

/// <summary>Rollouts that never drop capacity, probes on the health endpoints, a grace period longer than the drain, migrations first.</summary>
public sealed class RolloutTests
{
    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void ARollingUpdateNeverTakesAPodAwayBeforeItsReplacementIsReady(string overlay)
    {
        var strategy = Overlay.Render(overlay).Api["spec"]!["strategy"]!;

        Assert.Equal("RollingUpdate", (string?)strategy["type"]);
        Assert.Equal(0, (int)strategy["rollingUpdate"]!["maxUnavailable"]!);
        Assert.True((int)strategy["rollingUpdate"]!["maxSurge"]! >= 1);
    }

    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void StartupAndLivenessProbeTheLiveEndpointAndReadinessTheReadyOne(string overlay)
    {
        var api = ApiContainer(Overlay.Render(overlay));

        Assert.Equal("/health/live", (string?)api["startupProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/health/live", (string?)api["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/health/ready", (string?)api["readinessProbe"]!["httpGet"]!["path"]);
    }

    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void TheReadinessProbeWaitsLongerThanTheStoreCheckTakesToSayNotReady(string overlay)
    {
        // The store check answers within 1 s on a hung store; the probe must wait for that answer.
        var api = ApiContainer(Overlay.Render(overlay));

        Assert.Equal(2, (int?)api["readinessProbe"]!["timeoutSeconds"]);
    }

    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void TheGracePeriodOutlastsThePreStopDelayPlusTheShutdownTimeout(string overlay)
    {
        var rendered = Overlay.Render(overlay);
        var pod = rendered.Api["spec"]!["template"]!["spec"]!;
        var preStop = (int)ApiContainer(rendered)["lifecycle"]!["preStop"]!["sleep"]!["seconds"]!;
        var drain = int.Parse((string)rendered.ConfigMap["data"]!["ShutdownTimeoutSeconds"]!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(preStop >= 3, "the load balancer needs a few seconds to stop sending");
        Assert.True((int)pod["terminationGracePeriodSeconds"]! > preStop + drain, $"grace {pod["terminationGracePeriodSeconds"]} <= {preStop} + {drain}");
    }

    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void TheMigrationJobRunsTheSameImageWithMigrate(string overlay)
    {
        var rendered = Overlay.Render(overlay);
        var job = rendered.Get("Job", "firewall-migrate")["spec"]!["template"]!["spec"]!;
        var migrate = Assert.Single(job["containers"]!.AsArray())!;

        Assert.Equal("Never", (string?)job["restartPolicy"]);
        Assert.Equal((string?)ApiContainer(rendered)["image"], (string?)migrate["image"]);
        Assert.Contains("--migrate", migrate["args"]!.AsArray().Select(a => (string?)a));
    }

    [Fact]
    public void ProductionRunsAtLeastThreeReplicasAndAutoscalesFromThere()
    {
        var prod = Overlay.Render("prod");

        Assert.True((int)prod.Api["spec"]!["replicas"]! >= 3);
        Assert.True((int)prod.Get("HorizontalPodAutoscaler", "firewall")["spec"]!["minReplicas"]! >= 3);
    }

    [Fact]
    public void DevelopmentRunsOneReplicaWithPostgresAndRedisInTheNamespace()
    {
        var dev = Overlay.Render("dev");

        Assert.Equal(1, (int)dev.Api["spec"]!["replicas"]!);
        Assert.Equal(1, (int)dev.Get("HorizontalPodAutoscaler", "firewall")["spec"]!["maxReplicas"]!);
        Assert.NotEmpty(dev.Get("StatefulSet", "postgres")["spec"]!["volumeClaimTemplates"]!.AsArray());
        Assert.Equal("redis-data", (string?)dev.Get("Deployment", "redis")["spec"]!["template"]!["spec"]!["volumes"]![0]!["persistentVolumeClaim"]!["claimName"]);
        dev.Get("PersistentVolumeClaim", "redis-data");
    }

    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void TheServiceTheDisruptionBudgetAndTheAutoscalerAllTargetTheApiPods(string overlay)
    {
        var rendered = Overlay.Render(overlay);
        var podLabels = rendered.Api["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();

        Assert.True(Selects(rendered.Get("Service", "firewall")["spec"]!["selector"]!, podLabels));
        Assert.True(Selects(rendered.Get("PodDisruptionBudget", "firewall")["spec"]!["selector"]!["matchLabels"]!, podLabels));
        Assert.Equal("firewall", (string?)rendered.Get("HorizontalPodAutoscaler", "firewall")["spec"]!["scaleTargetRef"]!["name"]);
    }

    internal static JsonNode ApiContainer(Overlay overlay) =>
        overlay.Api["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single(c => (string?)c!["name"] == "api")!;

    internal static bool Selects(JsonNode selector, JsonObject labels) =>
        selector.AsObject().All(pair => labels.TryGetPropertyValue(pair.Key, out var value) && (string?)value == (string?)pair.Value);
}
