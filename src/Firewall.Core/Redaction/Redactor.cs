using System.Text.RegularExpressions;
using Firewall.Core.Classification;
using Firewall.Core.Events;

namespace Firewall.Core.Redaction;

/// <summary>Masks every secret and personal-data match as <c>[REDACTED:kind]</c>. Pure and thread-safe.</summary>
public sealed class Redactor(RuleSet ruleSet)
{
    /// <summary>What replaces a text the rules could not scan in time: never store what was not checked.</summary>
    public const string UnscannedMask = Prefix + "unscanned]";

    private const string Prefix = "[REDACTED:";

    // A dense text has hundreds of matches: each thread reuses one list for their spans instead of growing one per text.
    [ThreadStatic]
    private static List<Span>? t_spans;

    private readonly Rule[] _rules = [.. ruleSet.Rules.Where(r => Detectors.Redacts(r.Detector))];
    private readonly HintIndex _hints = ruleSet.Hints;

    public static Redactor CreateDefault() => new(RuleSetLoader.LoadEmbedded());

    public RedactionResult Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Redact(_hints.Scan(text));
    }

    /// <summary>Redacts a text already scanned for hints, running only the rules among its candidates.</summary>
    public RedactionResult Redact(ScannedText scanned)
    {
        var text = scanned.Text;
        ArgumentNullException.ThrowIfNull(text);
        // Most texts match nothing: allocate only once something does.
        List<Span>? spans = null;
        List<Finding>? findings = null;
        for (var order = 0; order < _rules.Length; order++)
        {
            var rule = _rules[order];
            if (!scanned.Candidates.Contains(rule.Index))
            {
                continue;
            }

            var count = 0;
            try
            {
                if (rule.RedactsGroup)
                {
                    foreach (var match in rule.Matches(text))
                    {
                        var part = match.Groups[Rule.RedactGroup] is { Success: true } g ? g : (Capture)match;
                        (spans ??= ReusedSpans()).Add(new Span(part.Index, part.Index + part.Length, rule, order));
                        count++;
                    }
                }
                else
                {
                    // Most rules redact their whole match: find it without a Match object.
                    foreach (var match in rule.EnumerateMatches(text))
                    {
                        (spans ??= ReusedSpans()).Add(new Span(match.Index, match.Index + match.Length, rule, order));
                        count++;
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return new RedactionResult(UnscannedMask, 1, [.. findings ?? [], rule.ToFinding(count + 1)], TimedOut: true);
            }

            if (count > 0)
            {
                (findings ??= []).Add(rule.ToFinding(count));
            }
        }

        if (spans is null)
        {
            return new RedactionResult(text, 0, [], TimedOut: false);
        }

        Merge(spans);
        var result = new RedactionResult(Apply(text, spans), spans.Count, findings!, TimedOut: false);
        spans.Clear();
        return result;
    }

    private static List<Span> ReusedSpans()
    {
        var spans = t_spans ??= [];
        spans.Clear();
        return spans;
    }

    // Overlapping matches become one span over their union (nothing of either leaks), named after the
    // most severe match, then the longest, then the earlier rule in the file (specific rules come first there).
    private static void Merge(List<Span> spans)
    {
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Order.CompareTo(b.Order));
        var last = 0;
        for (var i = 1; i < spans.Count; i++)
        {
            var (current, next) = (spans[last], spans[i]);
            if (next.Start >= current.End)
            {
                spans[++last] = next;
                continue;
            }

            var winner = Outranks(next, current) ? next : current;
            spans[last] = winner with { Start = current.Start, End = Math.Max(current.End, next.End) };
        }

        spans.RemoveRange(last + 1, spans.Count - last - 1);
    }

    private static bool Outranks(Span a, Span b) =>
        a.Rule.Severity != b.Rule.Severity ? a.Rule.Severity > b.Rule.Severity
        : a.Length != b.Length ? a.Length > b.Length
        : a.Order < b.Order;

    private static string Apply(string text, List<Span> spans)
    {
        var length = text.Length;
        foreach (var span in spans)
        {
            length += Prefix.Length + span.Rule.Kind.Length + 1 - span.Length;
        }

        return string.Create(length, (text, spans), static (output, state) =>
        {
            var (text, spans) = state;
            var position = 0;
            foreach (var span in spans)
            {
                output = Copy(text.AsSpan(position, span.Start - position), output);
                output = Copy(Prefix, output);
                output = Copy(span.Rule.Kind, output);
                output = Copy("]", output);
                position = span.End;
            }

            text.AsSpan(position).CopyTo(output);
        });
    }

    // Copies source to the start of destination and returns the rest of destination.
    private static Span<char> Copy(ReadOnlySpan<char> source, Span<char> destination)
    {
        source.CopyTo(destination);
        return destination[source.Length..];
    }

    private readonly record struct Span(int Start, int End, Rule Rule, int Order)
    {
        public int Length => End - Start;
    }
}
