using Firewall.Testing;

namespace Firewall.Deploy.Tests;

/// <summary>Production stores user and session ids as keyed pseudonyms, with the key from the Secret (docs/operations.md).</summary>
public sealed class PrivacyTests
{
    [Fact]
    public void ProductionPseudonymisesUserIdsWithTheKeyFromTheSecret()
    {
        var env = Overlay.Render("prod").Api["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();

        var enabled = Assert.Single(env, e => (string?)e!["name"] == "Firewall__Privacy__PseudonymiseUserIds");
        Assert.Equal("true", (string?)enabled!["value"]);
        var key = Assert.Single(env, e => (string?)e!["name"] == "Firewall__Privacy__PseudonymKey");
        Assert.Equal(("firewall", "pseudonym-key"), ((string?)key!["valueFrom"]!["secretKeyRef"]!["name"], (string?)key["valueFrom"]!["secretKeyRef"]!["key"]));
        Assert.Null(key["valueFrom"]!["secretKeyRef"]!["optional"]);
    }

    [Fact]
    public void TheExampleSecretListsThePseudonymKey()
    {
        var example = Assert.Single(Yaml.Documents(File.ReadAllText(RepositoryRoot.File("k8s", "secret.example.yaml"))));

        Assert.NotNull(example["stringData"]!["pseudonym-key"]);
    }
}
