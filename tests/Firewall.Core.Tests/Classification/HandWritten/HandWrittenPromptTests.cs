using System.Globalization;
using System.Text.Json;
using Firewall.Core.Classification;
using Xunit.Abstractions;

namespace Firewall.Core.Tests.Classification.HandWritten;

/// <summary>
/// The shipped detectors (model and rules, as events are judged) on prompts written in this repository and never trained
/// on (README.md beside prompts.jsonl): rephrased, translated, encoded and indirect attacks, and hard benign prompts full
/// of trigger words. The figures per family are printed. The floors are what the shipped detectors reach (model
/// 2026.12.3 OR rules: 154 of 160 benign prompts left alone, 113 of 186 attacks found), so a change that loses either
/// fails here; issue 11's targets (0.97 of hard benign prompts, and recall that generalises) are above them.
/// </summary>
public sealed class HandWrittenPromptTests(ITestOutputHelper output)
{
    private const double BenignCorrectFloor = 0.96;
    private const double AttackRecallFloor = 0.60;

    private static readonly PromptAttackJudge Judge = PromptAttackJudge.CreateDefault();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly IReadOnlyList<Prompt> Prompts = [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Classification", "HandWritten", "prompts.jsonl"))
        .Where(line => line.Length > 0)
        .Select(line => JsonSerializer.Deserialize<Prompt>(line, Json)!)];

    [Fact]
    public void The_file_holds_at_least_200_prompts_of_both_kinds()
    {
        Assert.True(Prompts.Count >= 200, $"{Prompts.Count} prompts");
        Assert.Contains(Prompts, p => p.Label == 1);
        Assert.Contains(Prompts, p => p.Label == 0);
    }

    [Fact]
    public void Hard_benign_prompts_are_left_alone()
    {
        var benign = Prompts.Where(p => p.Label == 0).ToList();
        var correct = Report(benign, judgedAttack: false);

        Assert.True(correct >= BenignCorrectFloor, string.Create(CultureInfo.InvariantCulture, $"{correct:P1} of hard benign prompts left alone, below {BenignCorrectFloor:P0}"));
    }

    [Fact]
    public void Rephrased_attacks_are_found()
    {
        var attacks = Prompts.Where(p => p.Label == 1).ToList();
        var recall = Report(attacks, judgedAttack: true);

        Assert.True(recall >= AttackRecallFloor, string.Create(CultureInfo.InvariantCulture, $"{recall:P1} of attacks found, below {AttackRecallFloor:P0}"));
    }

    // Prints each family's share judged as expected, with the texts judged otherwise, and returns the overall share.
    private double Report(IReadOnlyList<Prompt> prompts, bool judgedAttack)
    {
        var expected = 0;
        foreach (var family in prompts.GroupBy(p => p.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var wrong = family.Where(p => Judge.Judge(p.Text).IsAttack != judgedAttack).ToList();
            expected += family.Count() - wrong.Count;
            output.WriteLine($"{family.Key,-32} {family.Count() - wrong.Count,3}/{family.Count(),-3}");
            foreach (var p in wrong)
            {
                output.WriteLine($"    {p.Text[..Math.Min(p.Text.Length, 100)].ReplaceLineEndings(" ")}");
            }
        }

        return (double)expected / prompts.Count;
    }

    private sealed record Prompt(string Text, int Label, string Family);
}
