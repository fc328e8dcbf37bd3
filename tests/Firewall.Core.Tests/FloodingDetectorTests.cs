using System.Text.Json;
using Firewall.Core.Classification;
using Firewall.Core.Events;

namespace Firewall.Core.Tests;

public sealed class FloodingDetectorTests
{
    private static readonly FloodingDetector Detector = new(RuleSetLoader.LoadEmbedded());

    private static IEnumerable<string> Rules(string? content, long? tokens = null) =>
        Detector.Detect(content, tokens is null ? null : new Dictionary<string, JsonElement> { ["tokens"] = JsonSerializer.SerializeToElement(tokens) })
            .Select(f => f.Rule);

    [Fact]
    public void ContentNearTheSizeLimitIsFlagged() =>
        Assert.Contains(FloodingDetector.ContentNearLimitRule, Rules(string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"w{i}"))));

    [Fact]
    public void ALongRunOfOneCharacterIsFlagged() => Assert.Contains("flood.repeated_character", Rules("x" + new string('A', 300)));

    [Fact]
    public void ARepeatedTokenIsFlagged() => Assert.Contains("flood.repeated_token", Rules(string.Concat(Enumerable.Repeat("poem ", 100))));

    [Fact]
    public void AHugeTokenCountIsFlagged() => Assert.Contains(FloodingDetector.TokenCountRule, Rules("hi", tokens: 10_000_000));

    [Theory]
    [InlineData("A normal sentence about the weather.")]
    [InlineData("Ha ha ha, that was funny!")]
    [InlineData("-----------------------------------")]
    public void OrdinaryContentIsNotFlooding(string content) => Assert.Empty(Rules(content, tokens: 812));

    [Fact]
    public void FloodingSetsUnboundedConsumptionOnAnOtherEvent()
    {
        var result = EventClassifier.CreateDefault().Classify(new EventInput { Type = EventType.Other, Action = EventAction.Allowed, Content = new string('z', 1000) });

        Assert.Equal(OwaspCategory.Llm10, result.Category);
        Assert.Equal(Severity.Medium, result.Severity);
    }
}
