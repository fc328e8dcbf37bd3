using Firewall.Core.Classification;

namespace Firewall.Core.Tests;

public sealed class RuleSetLoaderTests
{
    private const string Types = """
        "types": {
          "prompt_injection": { "category": "LLM01", "baseline": "medium" }, "jailbreak": { "category": "LLM01", "baseline": "medium" },
          "pii_leak": { "category": "LLM02", "baseline": "medium" }, "secret_leak": { "category": "LLM02", "baseline": "high" },
          "data_exfiltration": { "category": "LLM02", "baseline": "high" }, "insecure_output": { "category": "LLM05", "baseline": "medium" },
          "excessive_agency": { "category": "LLM06", "baseline": "high" }, "system_prompt_leak": { "category": "LLM07", "baseline": "medium" },
          "model_dos": { "category": "LLM10", "baseline": "medium" }, "rate_abuse": { "category": "LLM10", "baseline": "low" },
          "toxic_content": { "category": "none", "baseline": "medium" }, "policy_violation": { "category": "none", "baseline": "low" },
          "other": { "category": "none", "baseline": "informational" }
        }
        """;

    private static string RuleSet(string rules, string version = "\"version\": \"test.1\",") => $$"""
        { {{version}} "injectionThreshold": 1.0, "flooding": { "contentNearLimitRatio": 0.9, "maxTokens": 1000 },
          {{Types}}, "rules": [ {{rules}} ] }
        """;

    private const string GoodRule = """{ "id": "pii.email", "detector": "pii", "kind": "email", "severity": "medium", "category": "LLM02", "pattern": "\\w+@\\w+\\.com" }""";

    [Fact]
    public void TheEmbeddedRuleSetLoadsWithAVersion()
    {
        var ruleSet = RuleSetLoader.LoadEmbedded();

        Assert.False(string.IsNullOrWhiteSpace(ruleSet.Version));
        Assert.Contains(ruleSet.Rules, r => r.Detector == Detectors.PromptInjection);
        Assert.All(ruleSet.Rules, r => Assert.Equal(RuleSetLoader.MatchTimeout, r.Regex.MatchTimeout));
    }

    [Fact]
    public void AMinimalValidRuleSetLoads() => Assert.Equal("test.1", RuleSetLoader.Load(RuleSet(GoodRule)).Version);

    [Theory]
    [InlineData("""{ "id": "bad.regex", "detector": "pii", "kind": "x", "severity": "low", "category": "LLM02", "pattern": "(unclosed" }""", "bad.regex", "does not compile")]
    [InlineData("""{ "id": "bad.detector", "detector": "magic", "kind": "x", "severity": "low", "category": "LLM02", "pattern": "x" }""", "bad.detector", "detector")]
    [InlineData("""{ "id": "bad.validator", "detector": "pii", "kind": "x", "severity": "low", "category": "LLM02", "pattern": "x", "validator": "nope" }""", "bad.validator", "validator")]
    [InlineData("""{ "id": "bad.weight", "detector": "prompt_injection", "kind": "x", "severity": "low", "category": "LLM01", "pattern": "x", "weight": 11 }""", "bad.weight", "weight")]
    [InlineData("""{ "id": "no.weight", "detector": "prompt_injection", "kind": "x", "severity": "low", "category": "LLM01", "pattern": "x" }""", "no.weight", "weight")]
    [InlineData("""{ "id": "no.pattern", "detector": "pii", "kind": "x", "severity": "low", "category": "LLM02" }""", "no.pattern", "pattern")]
    [InlineData("""{ "detector": "pii", "kind": "x", "severity": "low", "category": "LLM02", "pattern": "x" }""", "rules[1]", "no id")]
    public void ABadRuleIsRejectedByName(string rule, string name, string why)
    {
        var e = Assert.Throws<RuleSetException>(() => RuleSetLoader.Load(RuleSet(GoodRule + ",\n" + rule)));

        Assert.Contains(name, e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "id": "bad.scanner", "detector": "flooding", "kind": "x", "severity": "low", "category": "LLM10", "pattern": "x", "scanner": "nope" }""", "scanner 'nope'")]
    public void AnUnknownScannerIsRejected(string rule, string why)
    {
        var e = Assert.Throws<RuleSetException>(() => RuleSetLoader.Load(RuleSet(GoodRule + ",\n" + rule)));

        Assert.Contains("bad.scanner", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHintedRuleStillRunsOnTextWithAKelvinSign()
    {
        // The regex engine's IgnoreCase matches the Kelvin sign as 'k'; the ordinal hint "AccountKey=" does not.
        var findings = Redaction.Redactor.CreateDefault().Redact("Account\u212Aey=c2VjcmV0LXN0b3JhZ2Uta2V5LXZhbHVl").Findings;

        Assert.Contains(findings, f => f.Rule == "secret.azure_storage_key");
    }

    [Theory]
    [InlineData("\"hints\": [\"\"]")]
    [InlineData("\"hints\": [\"caf\u00e9\"]")]
    public void AnEmptyOrNonAsciiHintIsRejected(string hints)
    {
        var rule = GoodRule.Replace("\"pattern\"", hints + ", \"pattern\"", StringComparison.Ordinal);
        Assert.NotEqual(GoodRule, rule);

        var e = Assert.Throws<RuleSetException>(() => RuleSetLoader.Load(RuleSet(rule)));

        Assert.Contains("hint", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateIdIsRejected()
    {
        var e = Assert.Throws<RuleSetException>(() => RuleSetLoader.Load(RuleSet(GoodRule + ",\n" + GoodRule)));

        Assert.Contains("'pii.email'", e.Message, StringComparison.Ordinal);
        Assert.Contains("used by another rule", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingVersionIsRejected()
    {
        var e = Assert.Throws<RuleSetException>(() => RuleSetLoader.Load(RuleSet(GoodRule, version: string.Empty)));

        Assert.Contains("version", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownSeverityIsRejectedWithItsPath()
    {
        var e = Assert.Throws<RuleSetException>(() => RuleSetLoader.Load(RuleSet(GoodRule.Replace("medium", "dire", StringComparison.Ordinal))));

        Assert.Contains("severity", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleSetMissingATypeProfileIsRejected()
    {
        var json = RuleSet(GoodRule).Replace("\"other\": { \"category\": \"none\", \"baseline\": \"informational\" }", "\"rate_abuse2\": null", StringComparison.Ordinal);

        Assert.Throws<RuleSetException>(() => RuleSetLoader.Load(json));
    }
}
