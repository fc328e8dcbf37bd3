using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Firewall.Core.Classification;

namespace Firewall.Bench.Classifier;

/// <summary>
/// EventClassifier.Classify per case, against one scan of the same text by a simple compiled regex that never matches:
/// the Ratio column says how many plain regex scans one classification costs, which holds across machines.
/// </summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private static readonly Regex Scan = new(@"\bxyzzy\d+\b", RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private readonly EventClassifier _classifier = EventClassifier.CreateDefault();

    public static IEnumerable<Sample> Cases => Samples.All;

    [ParamsSource(nameof(Cases))]
    public Sample Case { get; set; } = Samples.All[0];

    [Benchmark(Baseline = true)]
    public bool RegexScan() => Scan.IsMatch(Case.Text);

    [Benchmark]
    public ClassificationResult Classify() => _classifier.Classify(Case.Input);
}
