using System.Text.RegularExpressions;
using Firewall.Testing;

namespace Firewall.Deploy.Tests;

/// <summary>Secrets are referenced, never committed: no overlay renders a Secret or a secret value.</summary>
public sealed partial class SecretTests
{
    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void NoOverlayRendersASecret(string overlay) =>
        Assert.Empty(Overlay.Render(overlay).OfKind("Secret"));

    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void EveryCredentialVariableComesFromASecretReference(string overlay)
    {
        foreach (var (owner, template) in Overlay.Render(overlay).PodTemplates)
        {
            foreach (var env in template["spec"]!["containers"]!.AsArray().SelectMany(c => c!["env"]?.AsArray() ?? []))
            {
                var name = (string)env!["name"]!;
                if (Credential().IsMatch(name))
                {
                    Assert.True(env["value"] is null && env["valueFrom"]?["secretKeyRef"] is not null, $"{owner}: {name} is not a secret reference");
                }
            }
        }
    }

    [Theory, MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void NoConfigMapHoldsAPassword(string overlay)
    {
        foreach (var map in Overlay.Render(overlay).OfKind("ConfigMap").Where(m => m["data"] is not null))
        {
            Assert.DoesNotMatch(Credential(), map["data"]!.ToJsonString());
        }
    }

    [Fact]
    public void TheExampleSecretHoldsPlaceholdersOnly()
    {
        var example = Assert.Single(Yaml.Documents(File.ReadAllText(RepositoryRoot.File("k8s", "secret.example.yaml"))));

        Assert.All(example["stringData"]!.AsObject(), pair => Assert.Contains("<", (string?)pair.Value, StringComparison.Ordinal));
    }

    [GeneratedRegex("password|secret|signingkey|signing-key|pseudonymkey|pseudonym-key|connection", RegexOptions.IgnoreCase)]
    private static partial Regex Credential();
}
