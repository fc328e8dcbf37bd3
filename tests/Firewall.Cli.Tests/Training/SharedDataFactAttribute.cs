using Firewall.Cli;

namespace Firewall.Cli.Tests.Training;

/// <summary>
/// A fact that needs the shared labelled prompts (../shared/data/prompts/train.jsonl beside the repository, never in
/// it): skipped, saying why, where they are absent. xunit 2.9 has no dynamic skip, so the attribute decides.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!File.Exists(SharedData.Prompts("train.jsonl")))
        {
            Skip = $"needs the shared training data at {SharedData.Prompts("train.jsonl")}, which is not in the repository";
        }
    }
}
