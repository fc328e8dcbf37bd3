using Firewall.Core.Events;

namespace Firewall.Core.Classification;

/// <summary>Turns the evidence about an event into its severity, category and risk score.</summary>
public static class SeverityPolicy
{
    private const double HighConfidence = 0.8;
    private const double LowConfidence = 0.3;

    // Each severity owns a band 19 wide, so a score never contradicts its severity (fatal is squeezed into 97..100).
    private static readonly int[] RiskFloor = [0, 2, 21, 40, 59, 78, 97];

    /// <summary>
    /// evidence = max(type baseline, strongest finding).
    /// The agent's proposal is trusted partially: it may raise the evidence by one step, never lower it.
    /// A blocked event with confidence ≥ 0.8 is at least high (the agent acted on strong evidence);
    /// an event with no findings and confidence &lt; 0.3 goes down one step. The result stays within informational..critical,
    /// except that an agent's fatal is kept when the evidence is already critical.
    /// </summary>
    public static Severity Severity(TypeProfile type, IReadOnlyCollection<Finding> findings, EventInput input)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(input);
        var evidence = (int)Strongest(type.Baseline, findings);
        var level = input.Severity is { } agent ? Math.Max(evidence, Math.Min((int)agent, evidence + 1)) : evidence;
        if (input.Action == EventAction.Blocked && input.Confidence >= HighConfidence)
        {
            level = Math.Max(level, (int)Events.Severity.High);
        }
        else if (findings.Count == 0 && input.Confidence < LowConfidence)
        {
            level--;
        }

        var max = input.Severity == Events.Severity.Fatal && evidence >= (int)Events.Severity.Critical ? Events.Severity.Fatal : Events.Severity.Critical;
        return (Severity)Math.Clamp(level, (int)Events.Severity.Informational, (int)max);
    }

    /// <summary>The type's category, unless content shows something worse: a finding more severe than the type's baseline,
    /// or any finding when the type maps to none.</summary>
    public static OwaspCategory Category(TypeProfile type, IReadOnlyCollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(type);
        var top = findings.Where(f => f.Category != OwaspCategory.None).MaxBy(f => f.Severity);
        return top is not null && (type.Category == OwaspCategory.None || top.Severity > type.Baseline) ? top.Category : type.Category;
    }

    /// <summary>The confidence the risk score weighs: the agent's (0.5 when unknown), raised to the model's probability that
    /// the prompt is an attack when the model is surer.</summary>
    public static double Confidence(double? agentConfidence, double attackProbability) => Math.Max(agentConfidence ?? 0.5, attackProbability);

    /// <summary>The severity's band floor, plus up to 10 for confidence (0.5 when unknown) and 2 per finding up to 8.</summary>
    public static int RiskScore(Severity severity, double? confidence, int findings) =>
        Math.Min(100, RiskFloor[(int)severity] + (int)Math.Round(10 * (confidence ?? 0.5)) + (2 * Math.Min(findings, 4)));

    private static Severity Strongest(Severity baseline, IEnumerable<Finding> findings) =>
        findings.Select(f => f.Severity).Append(baseline).Max();
}
