using Firewall.Cli.Evaluation;
using Firewall.Cli.Training;
using Firewall.Core.Classification.Model;

namespace Firewall.Cli.Tests.Training;

public sealed class DetectorTrainingTests
{
    // Small and fast: the repository's own written examples, a small table, few epochs.
    private static readonly TrainingOptions Quick = TrainingOptions.Default with
    {
        Features = TrainingOptions.Default.Features with { HashBits = 12 },
        Ftrl = TrainingOptions.Default.Ftrl with { Epochs = 2 },
    };

    [Fact]
    public void The_same_data_gives_the_same_bytes()
    {
        var prompts = WrittenSample();

        Assert.Equal(Bytes(DetectorTraining.Train(prompts, Quick)), Bytes(DetectorTraining.Train(prompts, Quick)));
    }

    [Fact]
    public void Other_data_gives_another_model_and_another_data_hash()
    {
        var prompts = WrittenSample();
        var changed = prompts.Select((p, i) => i == 0 ? p with { IsAttack = !p.IsAttack } : p).ToList();

        var a = DetectorTraining.Train(prompts, Quick);
        var b = DetectorTraining.Train(changed, Quick);

        Assert.NotEqual(a.Header.TrainingData.Sha256, b.Header.TrainingData.Sha256);
        Assert.NotEqual(Bytes(a), Bytes(b));
    }

    [Fact]
    public void The_model_records_its_data_and_a_cross_validated_threshold()
    {
        var prompts = WrittenSample();

        var header = DetectorTraining.Train(prompts, Quick).Header;

        Assert.Equal(prompts.Count, header.TrainingData.Rows);
        Assert.Equal(prompts.Count(p => p.IsAttack), header.TrainingData.Attacks);
        Assert.Equal(DetectorTraining.Folds, header.CrossValidation.Folds);
        Assert.InRange(header.Threshold, 0, 1);
        Assert.Contains("out-of-fold", header.ThresholdOrigin, StringComparison.Ordinal);
        Assert.InRange(header.CrossValidation.RocAuc, 0.5, 1);
    }

    [SharedDataFact]
    public void Training_on_the_shared_data_reproduces_the_embedded_model_byte_for_byte()
    {
        var prompts = SharedData.TrainingFiles().SelectMany(LabelledPrompts.Read).Where(p => TrainingOptions.Default.Includes(p.Source)).ToList();

        var trained = Bytes(DetectorTraining.Train(prompts, TrainingOptions.Default));

        using var stream = typeof(PromptModel).Assembly.GetManifestResourceStream(PromptModel.EmbeddedResourceName)!;
        using var embedded = new MemoryStream();
        stream.CopyTo(embedded);
        Assert.True(trained.AsSpan().SequenceEqual(embedded.ToArray()), "the embedded model is not what train-detector makes of the shared data: retrain it");
    }

    private static List<LabelledPrompt> WrittenSample()
    {
        var files = SharedData.WrittenPrompts();
        Assert.NotEmpty(files);
        return [.. files.SelectMany(LabelledPrompts.Read).Where((_, i) => i % 3 == 0)];
    }

    private static byte[] Bytes(PromptModel model)
    {
        using var stream = new MemoryStream();
        PromptModelFile.Write(model, stream);
        return stream.ToArray();
    }
}
