using System.Text.RegularExpressions;
using Firewall.Core.Events;

namespace Firewall.Core.Classification;

/// <summary>One compiled rule of a <see cref="RuleSet"/>.</summary>
/// <param name="Hints">Cheap prefilter: the rule need run only if the text contains one of these (ordinal, ignoring case); null runs it
/// always. The <see cref="HintIndex"/> of the rule set searches for every rule's hints at once.</param>
/// <param name="Validator">Checks a match the regex alone cannot (checksums, ranges, decoding); null accepts every match.</param>
/// <param name="Scanner">Finds the pattern's matches in C# instead of the regex; null runs the regex.</param>
public sealed record Rule(
    string Id,
    string Detector,
    string Kind,
    Regex Regex,
    double Weight,
    Severity Severity,
    OwaspCategory Category,
    IReadOnlyList<string>? Hints,
    Func<string, bool>? Validator,
    MatchScanner? Scanner = null)
{
    /// <summary>A rule may redact only part of its match, captured in this named group.</summary>
    public const string RedactGroup = "redact";

    /// <summary>The rule's position in its rule set, its bit in a <see cref="RuleMask"/>.</summary>
    public int Index { get; init; }

    /// <summary>How many validated matches <paramref name="text"/> holds; may throw <see cref="RegexMatchTimeoutException"/>.
    /// Runs whatever the hints say: the caller skips the rules its <see cref="HintIndex"/> rules out.</summary>
    public int Count(string text)
    {
        if (Scanner is not null)
        {
            return CountScanned(text);
        }

        if (Validator is null)
        {
            return Regex.Count(text);
        }

        var count = 0;
        foreach (var m in Regex.EnumerateMatches(text))
        {
            count += Validator(text.Substring(m.Index, m.Length)) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The validated regex matches in <paramref name="text"/>, with their groups (the scanner is ignored: redacting rules have none);
    /// enumerating may throw <see cref="RegexMatchTimeoutException"/>.</summary>
    public IEnumerable<Match> Matches(string text)
    {
        for (var m = Regex.Match(text); m.Success; m = m.NextMatch())
        {
            if (Validator is null || Validator(m.Value))
            {
                yield return m;
            }
        }
    }

    public Finding ToFinding(int count) => new(Id, Detector, Category, Severity, count);

    private int CountScanned(string text)
    {
        var count = 0;
        for (var at = Scanner!(text, 0, out var length); at >= 0; at = Scanner(text, at + length, out length))
        {
            count += Validator is null || Validator(text.Substring(at, length)) ? 1 : 0;
        }

        return count;
    }
}
