using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Firewall.Core.Classification;

namespace Firewall.Core.Tests;

/// <summary>A scanned rule's matches both ways: by its pattern, the specification, and by its scanner.</summary>
internal static class ScannerSpecification
{
    public static List<(int Index, int Length)> ByPattern(Rule rule, string text)
    {
        var found = new List<(int, int)>();
        foreach (var m in Pattern(rule).EnumerateMatches(text))
        {
            found.Add((m.Index, m.Length));
        }

        return found;
    }

    public static List<(int Index, int Length)> ByScanner(Rule rule, string text)
    {
        var found = new List<(int, int)>();
        for (var at = rule.Scanner!(text, 0, out var length); at >= 0; at = rule.Scanner(text, at + length, out length))
        {
            found.Add((at, length));
        }

        return found;
    }

    private static readonly ConcurrentDictionary<Rule, Regex> Patterns = new();

    // Without the rule's timeout: a slow machine must not fail the comparison. Built once per rule: compiling costs more than a short text.
    private static Regex Pattern(Rule rule) => Patterns.GetOrAdd(rule, r => new Regex(r.Regex.ToString(), r.Regex.Options));
}
