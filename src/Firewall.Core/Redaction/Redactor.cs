using System.Text;
using System.Text.RegularExpressions;
using Firewall.Core.Classification;
using Firewall.Core.Events;

namespace Firewall.Core.Redaction;

/// <summary>Masks every secret and personal-data match as <c>[REDACTED:kind]</c>. Pure and thread-safe.</summary>
public sealed class Redactor(RuleSet ruleSet)
{
    /// <summary>What replaces a text the rules could not scan in time: never store what was not checked.</summary>
    public const string UnscannedMask = "[REDACTED:unscanned]";

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
                foreach (var match in rule.Matches(text))
                {
                    var part = match.Groups[Rule.RedactGroup] is { Success: true } g ? g : (Capture)match;
                    (spans ??= []).Add(new Span(part.Index, part.Index + part.Length, rule, order));
                    count++;
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

        var merged = Merge(spans);
        return new RedactionResult(Apply(text, merged), merged.Count, findings!, TimedOut: false);
    }

    // Overlapping matches become one span over their union (nothing of either leaks), named after the
    // most severe match, then the longest, then the earlier rule in the file (specific rules come first there).
    private static List<Span> Merge(List<Span> spans)
    {
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Order.CompareTo(b.Order));
        var merged = new List<Span> { spans[0] };
        foreach (var next in spans.Skip(1))
        {
            var last = merged[^1];
            if (next.Start >= last.End)
            {
                merged.Add(next);
                continue;
            }

            var winner = Outranks(next, last) ? next : last;
            merged[^1] = winner with { Start = last.Start, End = Math.Max(last.End, next.End) };
        }

        return merged;
    }

    private static bool Outranks(Span a, Span b) =>
        a.Rule.Severity != b.Rule.Severity ? a.Rule.Severity > b.Rule.Severity
        : a.Length != b.Length ? a.Length > b.Length
        : a.Order < b.Order;

    private static string Apply(string text, List<Span> spans)
    {
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var span in spans)
        {
            builder.Append(text, position, span.Start - position).Append("[REDACTED:").Append(span.Rule.Kind).Append(']');
            position = span.End;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    private readonly record struct Span(int Start, int End, Rule Rule, int Order)
    {
        public int Length => End - Start;
    }
}
