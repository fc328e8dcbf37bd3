using System.Text.Json;
using Firewall.Core.Classification;
using Firewall.Core.Events;
using Firewall.Core.Privacy;

namespace Firewall.Core.Tests;

/// <summary>The classifier redacts every free-text field with the one redactor, and counts what it masked there.</summary>
public sealed class EveryFieldRedactionTests
{
    private const string AwsKey = "AKIAIOSFODNN7EXAMPLE";
    private const string Email = "jane.doe@example.com";
    private const string Planted = $"id {AwsKey} of {Email}";
    private const string Masked = "id [REDACTED:aws_access_key] of [REDACTED:email]";
    private static readonly EventClassifier Classifier = EventClassifier.CreateDefault();

    private static EventInput Event() => new() { Type = EventType.Other, Action = EventAction.Allowed, OccurredAt = DateTimeOffset.UnixEpoch };

    public static TheoryData<string> Fields => ["agentId", "model", "source.ip", "source.userId", "source.sessionId", "message", "content", "attribute key", "attribute value"];

    [Theory]
    [MemberData(nameof(Fields))]
    public void APlantedKeyAndEmailAreMaskedAndCountedInEachField(string field)
    {
        var result = Classifier.Classify(WithPlanted(field));

        Assert.Equal(Masked, ReadField(result, field));
        Assert.Equal(2, result.Redactions);
        Assert.Equal(1, result.Findings.Single(f => f.Rule == "secret.aws_access_key").Count);
        Assert.Equal(1, result.Findings.Single(f => f.Rule == "pii.email").Count);
        // A secret anywhere is evidence: the critical key finding decides the severity, whichever field held it.
        Assert.Equal(Severity.Critical, result.Severity);
        Assert.DoesNotContain(AwsKey, JsonSerializer.Serialize(result), StringComparison.Ordinal);
        Assert.DoesNotContain(Email, JsonSerializer.Serialize(result), StringComparison.Ordinal);
    }

    [Fact]
    public void FindingsOfTheSameRuleInSeveralFieldsAreSummedIntoOne()
    {
        var result = Classifier.Classify(Event() with { AgentId = Email, Model = Email, Source = new EventSource(null, Email, Email) });

        Assert.Equal(4, result.Findings.Single(f => f.Rule == "pii.email").Count);
        Assert.Equal(4, result.Redactions);
    }

    [Theory]
    [InlineData("203.0.113.45")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:192.0.2.1")]
    public void AnIpAddressLiteralIsKeptAsIs(string ip)
    {
        var result = Classifier.Classify(Event() with { Source = new EventSource(ip, null, null) });

        Assert.Equal(ip, result.Source!.Ip);
        Assert.Equal(0, result.Redactions);
    }

    [Theory]
    [InlineData("edge-eu-west-1")]
    [InlineData("gpt-4o-2024-08-06")]
    [InlineData("claude-3-5-sonnet-20241022")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("tail-a4111111111111111f")] // Luhn-valid digits inside a hex id are not a card
    [InlineData("01HF8Z3K9QW4E2R7T6Y5U1I0PA")]
    public void IdentifierShapesAreNotMistakenForPersonalData(string id)
    {
        var result = Classifier.Classify(Event() with { AgentId = id, Model = id, Source = new EventSource(null, id, id) });

        Assert.Equal((id, id, id, id), (result.AgentId, result.Model, result.Source!.UserId, result.Source.SessionId));
    }

    [Fact]
    public void CleanIdentifiersAreKeptAsIs()
    {
        var input = Event() with { AgentId = "edge-7", Model = "gpt-4o-mini", Source = new EventSource("10.0.0.1", "user-42", "sess-9") };

        var result = Classifier.Classify(input);

        Assert.Equal(("edge-7", "gpt-4o-mini", input.Source), (result.AgentId, result.Model, result.Source));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void TwoKeysThatRedactToTheSameTextAreBothKeptUnderDistinctKeys()
    {
        var input = Event() with
        {
            Attributes = new Dictionary<string, JsonElement>
            {
                ["a@example.com"] = JsonSerializer.SerializeToElement(1),
                ["[REDACTED:email]"] = JsonSerializer.SerializeToElement(2),
                ["b@example.com"] = JsonSerializer.SerializeToElement(3),
                ["plain"] = JsonSerializer.SerializeToElement(4),
            },
        };

        var attributes = Classifier.Classify(input).Attributes!;

        // The key the agent really sent keeps its text; the redacted ones take the next free suffix, in input order.
        Assert.Equal(
            new Dictionary<string, int> { ["[REDACTED:email]#2"] = 1, ["[REDACTED:email]"] = 2, ["[REDACTED:email]#3"] = 3, ["plain"] = 4 },
            attributes.ToDictionary(a => a.Key, a => a.Value.GetInt32()));
    }

    [Fact]
    public void WithPseudonymsUserAndSessionIdsBecomeStableKeyedPseudonymsAndAreNotScanned()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var classifier = EventClassifier.CreateDefault(new Pseudonymiser(key));
        var input = Event() with { Source = new EventSource(null, Email, Email) };

        var first = classifier.Classify(input);
        var again = classifier.Classify(input);

        Assert.Matches("^u_[A-Za-z0-9_-]{22}$", first.Source!.UserId);
        Assert.Matches("^s_[A-Za-z0-9_-]{22}$", first.Source.SessionId);
        Assert.Equal(first.Source, again.Source);
        Assert.NotEqual(first.Source.UserId![2..], first.Source.SessionId![2..]);
        Assert.Empty(first.Findings);
        Assert.Equal(0, first.Redactions);
    }

    [Fact]
    public void WithPseudonymsTheOtherFieldsAreStillRedacted()
    {
        var classifier = EventClassifier.CreateDefault(new Pseudonymiser(new byte[32]));

        var result = classifier.Classify(Event() with { AgentId = Planted, Source = new EventSource(Planted, Planted, null) });

        Assert.Equal(Masked, result.AgentId);
        Assert.Equal(Masked, result.Source!.Ip);
        Assert.StartsWith("u_", result.Source.UserId, StringComparison.Ordinal);
        Assert.Equal(4, result.Redactions);
    }

    private static EventInput WithPlanted(string field) => field switch
    {
        "agentId" => Event() with { AgentId = Planted },
        "model" => Event() with { Model = Planted },
        "source.ip" => Event() with { Source = new EventSource(Planted, null, null) },
        "source.userId" => Event() with { Source = new EventSource(null, Planted, null) },
        "source.sessionId" => Event() with { Source = new EventSource(null, null, Planted) },
        "message" => Event() with { Message = Planted },
        "content" => Event() with { Content = Planted },
        "attribute key" => Event() with { Attributes = new Dictionary<string, JsonElement> { [Planted] = JsonSerializer.SerializeToElement(1) } },
        "attribute value" => Event() with { Attributes = new Dictionary<string, JsonElement> { ["k"] = JsonSerializer.SerializeToElement(Planted) } },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static string? ReadField(ClassificationResult result, string field) => field switch
    {
        "agentId" => result.AgentId,
        "model" => result.Model,
        "source.ip" => result.Source?.Ip,
        "source.userId" => result.Source?.UserId,
        "source.sessionId" => result.Source?.SessionId,
        "message" => result.Message,
        "content" => result.Content,
        "attribute key" => result.Attributes!.Single().Key,
        "attribute value" => result.Attributes!["k"].GetString(),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
