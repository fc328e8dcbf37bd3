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
    MatchValidator? Validator,
    MatchScanner? Scanner = null)
{
    /// <summary>A rule may redact only part of its match, captured in this named group.</summary>
    public const string RedactGroup = "redact";

    /// <summary>The pattern has a <see cref="RedactGroup"/>: redaction then needs the regex's groups, not only where it matched.</summary>
    public bool RedactsGroup { get; } = Regex.GroupNumberFromName(RedactGroup) >= 0;

    /// <summary>The rule's position in its rule set, its bit in a <see cref="RuleMask"/>.</summary>
    public int Index { get; init; }

    /// <summary>How many validated matches <paramref name="text"/> holds; may throw <see cref="RegexMatchTimeoutException"/>.
    /// Runs whatever the hints say: the caller skips the rules its <see cref="HintIndex"/> rules out.</summary>
    public int Count(string text)
    {
        if (Scanner is null && Validator is null)
        {
            return Regex.Count(text);
        }

        var count = 0;
        foreach (var _ in EnumerateMatches(text))
        {
            count++;
        }

        return count;
    }

    /// <summary>Where the validated matches in <paramref name="text"/> are, found by the scanner if the rule has one, else the regex.</summary>
    public ValidatedMatches EnumerateMatches(ReadOnlySpan<char> text) => new(this, text);

    /// <summary>The validated matches in <paramref name="text"/> with their groups, for a rule that <see cref="RedactsGroup"/>; with a
    /// scanner, the regex runs only where the scanner found a match. Enumerating may throw <see cref="RegexMatchTimeoutException"/>.</summary>
    public IEnumerable<Match> Matches(string text) => Scanner is null ? RegexMatches(text) : Rematch(text);

    public Finding ToFinding(int count) => new(Id, Detector, Category, Severity, count);

    private IEnumerable<Match> RegexMatches(string text)
    {
        for (var m = Regex.Match(text); m.Success; m = m.NextMatch())
        {
            if (Validator is null || Validator(m.ValueSpan))
            {
                yield return m;
            }
        }
    }

    // From a match's start the regex finds that match again, now with its groups.
    private IEnumerable<Match> Rematch(string text)
    {
        var starts = new List<int>();
        foreach (var found in EnumerateMatches(text))
        {
            starts.Add(found.Index);
        }

        return starts.Select(start => Regex.Match(text, start));
    }
}
