using System.Collections.ObjectModel;
using Firewall.Core.Classification;
using Firewall.Core.Events;

namespace Firewall.Api.Benchmarking;

/// <summary>
/// The ingest path's classification: the classifier, or, when a benchmark host switched classification off, a fixed
/// result that keeps the agent's own fields (severity, texts) unredacted, so the classifier's share can be measured.
/// </summary>
public sealed class ClassificationStage(EventClassifier classifier, SkippedStages skipped)
{
    /// <summary>The rule set and model version stored with an event nobody classified.</summary>
    public const string NotClassified = "not-classified";

    private readonly bool _skip = skipped.HasFlag(SkippedStages.Classification);

    public ClassificationResult Classify(EventInput input) => _skip ? Unclassified(input) : classifier.Classify(input);

    private static ClassificationResult Unclassified(EventInput input) => new(
        input.Severity ?? Severity.Informational,
        OwaspCategory.None,
        RiskScore: 0,
        ReadOnlyCollection<Finding>.Empty,
        input.AgentId,
        input.Model,
        input.Source,
        input.Message,
        input.Content,
        input.Attributes,
        Redactions: 0,
        NotClassified,
        NotClassified);
}
