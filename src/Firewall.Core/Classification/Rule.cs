using System.Buffers;
using System.Text.RegularExpressions;
using Firewall.Core.Events;

namespace Firewall.Core.Classification;

/// <summary>One compiled rule of a <see cref="RuleSet"/>.</summary>
/// <param name="Hints">Cheap prefilter: the regex runs only if the text contains one of these (ordinal, ignoring case); null runs it always.</param>
/// <param name="Validator">Checks a match the regex alone cannot (checksums, ranges, decoding); null accepts every match.</param>
public sealed record Rule(
    string Id,
    string Detector,
    string Kind,
    Regex Regex,
    double Weight,
    Severity Severity,
    OwaspCategory Category,
    SearchValues<string>? Hints,
    Func<string, bool>? Validator)
{
    /// <summary>A rule may redact only part of its match, captured in this named group.</summary>
    public const string RedactGroup = "redact";

    public bool MightMatch(ReadOnlySpan<char> text) => Hints is null || text.ContainsAny(Hints);

    /// <summary>The validated matches in <paramref name="text"/>; enumerating may throw <see cref="RegexMatchTimeoutException"/>.</summary>
    public IEnumerable<Match> Matches(string text)
    {
        if (!MightMatch(text))
        {
            yield break;
        }

        for (var m = Regex.Match(text); m.Success; m = m.NextMatch())
        {
            if (Validator is null || Validator(m.Value))
            {
                yield return m;
            }
        }
    }

    public Finding ToFinding(int count) => new(Id, Detector, Category, Severity, count);
}
