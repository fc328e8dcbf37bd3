using System.Text;
using Firewall.Core.Classification;

namespace Firewall.Core.Tests;

/// <summary>Each scanner must find exactly what its rule's pattern finds: the pattern is the specification.</summary>
public sealed class MatchScannerTests
{
    private static readonly RuleSet Embedded = RuleSetLoader.LoadEmbedded();

    public static TheoryData<string> ScannedRules => [.. Embedded.Rules.Where(r => r.Scanner is not null).Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(ScannedRules))]
    public void TheScannerFindsTheRegexMatchesOnEdgeCases(string id)
    {
        string[] texts =
        [
            string.Empty, "poem", Repeat("poem ", 63), Repeat("poem ", 64), "x" + Repeat("poem ", 64), "x " + Repeat("poem, ", 70) + "end",
            Repeat("a.", 64), Repeat("a.b ", 64), Repeat("ab;  ", 80), Repeat(new string('w', 33) + " ", 70), Repeat("\u2003tok\u2003", 70),
            new string('A', 255), new string('A', 256), "b" + new string('A', 600) + new string('B', 300), new string('\n', 300),
            Repeat("QUJDREVGR0hJSktMTU5PUFFSU1RVVldY", 1), "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY==", "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY===",
            "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY=a QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo", "=QUJDREVGR0hJSktMTU5PUFFSU1RVVld", "aGVsbG8gd29ybGQgdGhpcyBpcyBh",
        ];

        AssertSameMatches(Rule(id), texts);
    }

    [Theory]
    [MemberData(nameof(ScannedRules))]
    public void TheScannerFindsTheRegexMatchesOnGeneratedText(string id)
    {
        var random = new Random(4242);
        AssertSameMatches(Rule(id), Enumerable.Range(0, 400).Select(_ => Generate(random)));
    }

    private static Rule Rule(string id) => Embedded.Rules.Single(r => r.Id == id);

    private static void AssertSameMatches(Rule rule, IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            Assert.Equal(ScannerSpecification.ByPattern(rule, text), ScannerSpecification.ByScanner(rule, text));
        }
    }

    // Noise around near-repetitions: units of every token and separator length, repeated around the 64-copy and 256-run limits.
    private static string Generate(Random random)
    {
        const string alphabet = "ab, .;=+/\nA0\t";
        var text = new StringBuilder();
        for (var part = random.Next(1, 6); part > 0; part--)
        {
            var unit = new string([.. Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var copies = random.Next(4) switch { 0 => 1, 1 => random.Next(60, 68), 2 => random.Next(250, 260), _ => random.Next(2, 10) };
            text.Append(copies >= 250 ? new string(unit[0], copies) : Repeat(unit, copies));
        }

        return text.ToString();
    }

    private static string Repeat(string unit, int copies) => string.Concat(Enumerable.Repeat(unit, copies));
}
