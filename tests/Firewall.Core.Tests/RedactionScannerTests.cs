using System.Text.Json.Nodes;
using CsCheck;
using Firewall.Core.Classification;
using Firewall.Core.Redaction;

namespace Firewall.Core.Tests;

/// <summary>
/// The redacting rules' scanners find exactly what their patterns find, on written, generated and labelled text, so
/// redaction with them masks the same text with the same findings as redaction by the patterns alone.
/// </summary>
public sealed class RedactionScannerTests
{
    private static readonly RuleSet Embedded = RuleSetLoader.LoadEmbedded();

    // The same rules with every redacting rule's scanner removed: its pattern runs instead.
    private static readonly Redactor ByPatterns = new(PatternsOnly());
    private static readonly Redactor ByScanners = new(Embedded);

    // Written here: pieces around every limit of the e-mail, card and SSN patterns (run lengths, separators, lookarounds,
    // URL credentials, non-ASCII letters and digits, zero-width joiners), concatenated at random.
    private static readonly string[] Pieces =
    [
        "a", "Z", "x1", "0", "7", "1234", "4111", "-", "--", " ", "  ", "\n", "\t", ".", "..", "_", "%", "+", ":", "/", "://", "@", "@@",
        "é", "\u0661", "\u200D", "\u00A0", "mail", "jo.ann+tag", "user%x", "example", "co", "uk", "org", "a1-b2", "com.", ".com",
        "https://", "ftp://u:p@h", "http://name:", "svc://x:y:", new string('l', 63), new string('l', 64), new string('t', 24), new string('t', 25),
        new string('d', 62), new string('q', 200), "123-45-6789", "123 45 6789", "078-05-1120", "4111 1111 1111 1111", "4111-1111-1111-1111",
        "378282246310005", "5555555555554444", "1", "12", "123", "-4", "9-", "\u0663\u0664",
    ];

    private static readonly Gen<string> Text = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 24].Select(string.Concat);

    public static TheoryData<string> ScannedRedactingRules =>
        [.. Embedded.Rules.Where(r => r.Scanner is not null && Detectors.Redacts(r.Detector)).Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(ScannedRedactingRules))]
    public void TheScannerFindsThePatternsMatchesOnWrittenText(string id)
    {
        string[] texts =
        [
            string.Empty, "@", "a@b", "a@b.co", "a@b.c", "a@b.co1", "a@b.co_", "a@b.co-x", "a@b.coé", "a@b.co\u200D", "a@b.co.", "a@b.example.123",
            "mail jane.doe@example.com, bob@mail.example.co.uk.", "x@y@example.com", "a@b.com.x@y.org", "é.a@b.co", "_a@b.co", "-a@b.co",
            ".a@b.co", "(a@b.co)", "<jo%x@a-b.example.io>", new string('a', 64) + "@b.co", new string('a', 65) + "@b.co",
            "a@" + new string('l', 63) + ".co", "a@" + new string('l', 64) + ".co", "a@b." + new string('t', 24), "a@b." + new string('t', 25),
            "a@" + string.Concat(Enumerable.Repeat("l.", 8)) + "co", "a@" + string.Concat(Enumerable.Repeat("l.", 9)) + "co",
            "https://user:pw@host.example.com", "https://user:a@b.co", "x://" + new string('u', 256) + ":a@b.co", "x://" + new string('u', 257) + ":a@b.co",
            "x:// u:a@b.co", "x://u@v:a@b.co", "x:/u:a@b.co", ":a@b.co", "//u:a@b.co",
            "123-45-6789", "123 45 6789", "123-45 6789", "-123-45-6789", "0123-45-6789", "123-45-67890", "123-45-6789-1", "123-45-6789-",
            "123-45-6789.5", "a123-45-6789", "\u0661\u0662\u0663-45-6789", "ssn 123-45-6789, 987-65-4321 and 000-00-0000.",
            "4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "4111 1111 1111 1111 1111 1111", "4111-1111-1111-1111-",
            "4111-1111-1111-1111-2", "a4111111111111111", "x-4111111111111111", "4111  1111 1111 1111", "41111111111111111111111",
            "4111111111111111_", "4111111111111111\u00E9", "12 4111 1111 1111 1111 1", "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1",
            "\u0664\u0661\u0661\u0661111111111111", "4111111111111111\u200D", "4111111111111111-x", "_4111111111111111",
            "postgres://app:s3cr3t!@db.internal:5432/x", "a.b-c+d://u:p@h", "9ab://u:p@h", "\u00E9ab://u:p@h", "_ab://u:p@h", ".ab://u:p@h", "a://u:p@h",
            "ab://u:p@h", new string('s', 21) + "://u:p@h", new string('s', 22) + "://u:p@h", "ab://:p@h", "ab://u:@h", "ab://u:p@", "ab://u:p@/",
            "ab://u:p:q@h", "ab://u@v:p@h", "ab://u:p/q@h", "ab://u:p@h ab://v:q@i", "ab://u:p@hab://v:q@i", "ab://x ab://u:p@h", "ab://u:p @h",
            "ab://" + new string('u', 256) + ":p@h", "ab://" + new string('u', 257) + ":p@h", "ab://u:" + new string('p', 256) + "@h",
            "ab://u:" + new string('p', 257) + "@h", "ab:///u:p@h", "x-ab://u:p@h", "ab://u:p@h@i",
        ];

        AssertSameMatches(Rule(id), texts);
    }

    [Theory]
    [MemberData(nameof(ScannedRedactingRules))]
    public void TheScannerFindsThePatternsMatchesOnGeneratedText(string id)
    {
        var rule = Rule(id);
        Text.Sample(text => ScannerSpecification.ByPattern(rule, text).SequenceEqual(ScannerSpecification.ByScanner(rule, text)), iter: 20_000);
    }

    [Theory]
    [MemberData(nameof(ScannedRedactingRules))]
    public void TheScannerFindsThePatternsMatchesOnTheLabelledPrompts(string id) => AssertSameMatches(Rule(id), LabelledPrompts.Texts);

    [Fact]
    public void RedactionWithTheScannersIsRedactionByThePatternsOnGeneratedText() => Text.Sample(SameRedaction, iter: 5_000);

    [Fact]
    public void RedactionWithTheScannersIsRedactionByThePatternsOnTheLabelledPrompts() =>
        Assert.All(LabelledPrompts.Texts, text => Assert.True(SameRedaction(text), text));

    [Fact]
    public void SomeRedactingRuleHasAScanner() => Assert.NotEmpty(ScannedRedactingRules);

    private static Rule Rule(string id) => Embedded.Rules.Single(r => r.Id == id);

    private static bool SameRedaction(string text)
    {
        var (expected, actual) = (ByPatterns.Redact(text), ByScanners.Redact(text));
        return expected.Text == actual.Text && expected.Redactions == actual.Redactions && expected.Findings.SequenceEqual(actual.Findings);
    }

    private static void AssertSameMatches(Rule rule, IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            Assert.Equal(ScannerSpecification.ByPattern(rule, text), ScannerSpecification.ByScanner(rule, text));
        }
    }

    private static RuleSet PatternsOnly()
    {
        using var stream = typeof(RuleSetLoader).Assembly.GetManifestResourceStream(RuleSetLoader.EmbeddedResourceName)!;
        var document = JsonNode.Parse(stream)!;
        foreach (var rule in document["rules"]!.AsArray())
        {
            if (Detectors.Redacts(rule!["detector"]!.GetValue<string>()))
            {
                rule.AsObject().Remove("scanner");
            }
        }

        return RuleSetLoader.Load(document.ToJsonString());
    }
}
