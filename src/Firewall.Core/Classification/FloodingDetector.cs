using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Firewall.Core.Events;

namespace Firewall.Core.Classification;

/// <summary>Unbounded-consumption signals (LLM10): content near the size limit, huge token counts, and the repetition rules.</summary>
public sealed class FloodingDetector(RuleSet ruleSet)
{
    public const string ContentNearLimitRule = "flood.content_near_limit";
    public const string TokenCountRule = "flood.token_count";
    public const string TokensAttribute = "tokens";

    private readonly Rule[] _rules = [.. ruleSet.RulesOf(Detectors.Flooding)];
    private readonly FloodingLimits _limits = ruleSet.Flooding;

    public IReadOnlyList<Finding> Detect(string? content, IReadOnlyDictionary<string, JsonElement>? attributes)
    {
        // Most events flood nothing: allocate only once something does.
        List<Finding>? findings = null;
        if (content is not null)
        {
            if (Encoding.UTF8.GetByteCount(content) >= _limits.ContentNearLimitRatio * EventLimits.ContentMaxBytes)
            {
                (findings ??= []).Add(Signal(ContentNearLimitRule));
            }

            foreach (var rule in _rules)
            {
                int count;
                try
                {
                    count = rule.Count(content);
                }
                catch (RegexMatchTimeoutException)
                {
                    // Input that defeats a bounded repetition check is itself a flooding signal.
                    count = 1;
                }

                if (count > 0)
                {
                    (findings ??= []).Add(rule.ToFinding(count));
                }
            }
        }

        if (attributes?.GetValueOrDefault(TokensAttribute) is { ValueKind: JsonValueKind.Number } tokens
            && (!tokens.TryGetInt64(out var n) || n > _limits.MaxTokens))
        {
            (findings ??= []).Add(Signal(TokenCountRule));
        }

        return findings ?? [];
    }

    private static Finding Signal(string rule) => new(rule, Detectors.Flooding, OwaspCategory.Llm10, Severity.Medium, 1);
}
