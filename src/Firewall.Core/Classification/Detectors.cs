namespace Firewall.Core.Classification;

/// <summary>The detector names a rule can name; each runs its rules differently.</summary>
public static class Detectors
{
    /// <summary>Weighted phrasing rules, scored together against a threshold; never redacted.</summary>
    public const string PromptInjection = "prompt_injection";

    /// <summary>Credentials; matches are redacted.</summary>
    public const string Secret = "secret";

    /// <summary>Personal data; matches are redacted.</summary>
    public const string Pii = "pii";

    /// <summary>Unbounded consumption signals (LLM10).</summary>
    public const string Flooding = "flooding";

    /// <summary>The learned prompt-attack model (<see cref="PromptAttackVerdict"/>); not a rule's detector.</summary>
    public const string Model = "model";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { PromptInjection, Secret, Pii, Flooding };

    public static bool Redacts(string detector) => detector is Secret or Pii;
}
