namespace Firewall.Deploy.Tests;

/// <summary>Every pod of every overlay (API, migration, dev datastores) is locked down and sized.</summary>
public sealed class PodSecurityTests
{
    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void EveryPodRunsAsNonRootWithTheRuntimeDefaultSeccompProfile(string overlay)
    {
        foreach (var (owner, template) in Overlay.Render(overlay).PodTemplates)
        {
            var pod = template["spec"]!["securityContext"];
            Assert.True(pod?["runAsNonRoot"]?.GetValue<bool>() == true, $"{owner}: runAsNonRoot");
            Assert.True((string?)pod?["seccompProfile"]?["type"] == "RuntimeDefault", $"{owner}: seccomp");
            Assert.True(template["spec"]!["automountServiceAccountToken"]?.GetValue<bool>() == false, $"{owner}: service account token mounted");
        }
    }

    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void EveryContainerHasAReadOnlyRootNoEscalationAndNoCapabilities(string overlay)
    {
        foreach (var (owner, template) in Overlay.Render(overlay).PodTemplates)
        {
            foreach (var container in template["spec"]!["containers"]!.AsArray())
            {
                var name = $"{owner}/{container!["name"]}";
                var context = container["securityContext"];
                Assert.True(context?["readOnlyRootFilesystem"]?.GetValue<bool>() == true, $"{name}: readOnlyRootFilesystem");
                Assert.True(context?["allowPrivilegeEscalation"]?.GetValue<bool>() == false, $"{name}: allowPrivilegeEscalation");
                Assert.True(context?["privileged"]?.GetValue<bool>() != true, $"{name}: privileged");
                Assert.Equal(["ALL"], context?["capabilities"]?["drop"]?.AsArray().Select(c => (string?)c) ?? []);
                Assert.True((string?)context?["seccompProfile"]?["type"] is null or "RuntimeDefault", $"{name}: seccomp");
            }
        }
    }

    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void EveryContainerRequestsCpuAndMemoryAndIsLimited(string overlay)
    {
        foreach (var (owner, template) in Overlay.Render(overlay).PodTemplates)
        {
            foreach (var container in template["spec"]!["containers"]!.AsArray())
            {
                var resources = container!["resources"];
                var name = $"{owner}/{container["name"]}";
                Assert.True(resources?["requests"]?["cpu"] is not null && resources["requests"]!["memory"] is not null, $"{name}: requests");
                Assert.True(resources?["limits"]?["cpu"] is not null && resources["limits"]!["memory"] is not null, $"{name}: limits");
            }
        }
    }
}
