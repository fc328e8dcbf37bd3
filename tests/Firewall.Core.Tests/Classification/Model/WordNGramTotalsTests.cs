using System.Text.Json;
using Firewall.Core.Classification.Model;

namespace Firewall.Core.Tests.Classification.Model;

public sealed class WordNGramTotalsTests
{
    private static readonly PromptModel Embedded = PromptModel.LoadEmbedded();

    [Fact]
    public void Occurrences_of_one_text_add_up_and_the_strongest_come_first_ties_in_ordinal_order()
    {
        var totals = new WordNGramTotals();
        try
        {
            totals.Add("open", 1);
            totals.Add("the door", 2);
            totals.Add("open", 1.5);
            totals.Add("lock", -3);
            totals.Add("a door", 2);
            totals.Add("quietly", 0);

            var strongest = totals.Strongest(3, scale: 0.5);

            Assert.Equal(5, totals.Count);
            Assert.Equal([("open", 1.25), ("a door", 1.0), ("the door", 1.0)], strongest.Select(s => (s.Words, s.Contribution)));
            Assert.Single(totals.Strongest(1, 1));
        }
        finally
        {
            totals.Dispose();
        }
    }

    [Fact]
    public void Thousands_of_texts_grow_the_table_without_losing_a_sum()
    {
        var totals = new WordNGramTotals();
        try
        {
            for (var round = 0; round < 3; round++)
            {
                for (var i = 0; i < 5000; i++)
                {
                    totals.Add($"word{i}", i);
                }
            }

            Assert.Equal(5000, totals.Count);
            Assert.Equal([("word4999", 3 * 4999.0), ("word4998", 3 * 4998.0)], totals.Strongest(2, 1).Select(s => (s.Words, s.Contribution)));
        }
        finally
        {
            totals.Dispose();
        }
    }

    // The explanation groups by text as a dictionary of every word n-gram's string would, on written prompts (and on the
    // shared labelled prompts when present): same texts, same order, same contributions to the last bit. Judge, which
    // scores and explains in one extraction, gives Probability's score and, for a flagged text, the same explanation.
    [Fact]
    public void The_embedded_model_explains_texts_as_a_dictionary_of_every_n_gram_string_would()
    {
        var texts = WrittenPrompts().Concat(LabelledPrompts.Texts.Take(3000)).ToList();
        var flagged = 0;

        foreach (var text in texts)
        {
            var expected = ByDictionary(text);
            var probability = Embedded.Judge(text, Embedded.Threshold, out var strongest, 3);

            Assert.Equal(expected, Embedded.Explain(text, 3).Strongest);
            Assert.Equal(Embedded.Probability(text), probability);
            Assert.Equal(probability >= Embedded.Threshold ? expected : [], strongest);
            flagged += strongest.Count > 0 ? 1 : 0;
        }

        Assert.InRange(flagged, 50, texts.Count - 50);

        Assert.True(texts.Count >= 300, $"{texts.Count} texts");
    }

    private static List<NGramContribution> ByDictionary(string text)
    {
        var sink = RecordingSink.Of(text, Embedded.Header.Features);
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (bucket, words) in sink.Words)
        {
            sums[words] = sums.GetValueOrDefault(words) + Embedded.Weights[bucket];
        }

        var scale = PromptFeatures.Scale(sink.CharacterBuckets.Count + sink.Words.Count);
        return [.. sums.Where(s => s.Value > 0).OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Take(3)
            .Select(s => new NGramContribution(s.Key, s.Value * scale))];
    }

    private static IEnumerable<string> WrittenPrompts() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Classification", "HandWritten", "prompts.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line =>
            {
                using var row = JsonDocument.Parse(line);
                return row.RootElement.GetProperty("text").GetString()!;
            });
}
