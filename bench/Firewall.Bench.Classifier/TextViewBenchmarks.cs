using BenchmarkDotNet.Attributes;
using Firewall.Core.Classification.Text;

namespace Firewall.Bench.Classifier;

/// <summary>The normalised view and the decoded views of each case's text: the share of the budget they take before any detector runs.</summary>
[MemoryDiagnoser]
public class TextViewBenchmarks
{
    public static IEnumerable<Sample> Cases => Samples.All;

    [ParamsSource(nameof(Cases))]
    public Sample Case { get; set; } = Samples.All[0];

    [Benchmark]
    public int Normalise()
    {
        using var view = TextNormaliser.Normalise(Case.Text.AsSpan());
        return view.Span.Length;
    }

    [Benchmark]
    public int DecodedViewsFind() => DecodedViews.Find(Case.Text).Count;
}
