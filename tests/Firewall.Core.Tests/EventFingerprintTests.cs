using System.Security.Cryptography;
using System.Text.Json;
using Firewall.Core.Events;
using Firewall.Core.Serialization;

namespace Firewall.Core.Tests;

public sealed class EventFingerprintTests
{
    private static readonly EventInput Payload = new()
    {
        EventId = Guid.Parse("0193a5f0-0000-7000-8000-000000000001"),
        OccurredAt = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero),
        AgentId = "edge-3",
        Type = EventType.PromptInjection,
        Action = EventAction.Blocked,
        Confidence = 0.9,
        Source = new EventSource("198.51.100.4", "u-17", null),
        Message = "blocked at the gateway",
        Content = "a request to forget the earlier rules",
        Attributes = new Dictionary<string, JsonElement> { ["route"] = JsonSerializer.SerializeToElement("/chat") },
    };

    [Fact]
    public void TheSamePayloadUnderAnotherEventIdMatches()
    {
        var replay = Payload with { EventId = Guid.Parse("0193a5f0-0000-7000-8000-000000000002") };

        Assert.True(EventFingerprint.Compute(Payload).Matches(EventFingerprint.Compute(replay).Value));
    }

    public static TheoryData<string, EventInput> Changes => new()
    {
        { "content", Payload with { Content = "a request to forget the earlier rules!" } },
        { "text moved between fields", Payload with { Message = "blocked at the gateway" + "a request", Content = " to forget the earlier rules" } },
        { "a field dropped", Payload with { Confidence = null } },
        { "source emptied", Payload with { Source = new EventSource(null, null, null) } },
        { "occurredAt", Payload with { OccurredAt = Payload.OccurredAt!.Value.AddTicks(1) } },
        { "attribute string vs number", Payload with { Attributes = new Dictionary<string, JsonElement> { ["route"] = JsonSerializer.SerializeToElement(1) } } },
        { "attribute number spelled otherwise", Payload with { Attributes = new Dictionary<string, JsonElement> { ["route"] = JsonDocument.Parse("1.0").RootElement } } },
        { "no attributes", Payload with { Attributes = null } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void AnyChangeToThePayloadDoesNotMatch(string change, EventInput changed)
    {
        Assert.False(EventFingerprint.Compute(Payload).Matches(EventFingerprint.Compute(changed).Value), change);
    }

    [Fact]
    public void AFingerprintStoredInTheFormerFormatMatchesItsReplay()
    {
        // The former format, as rows stored before the 16-byte hash carry it.
        var stored = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(Payload with { EventId = null }, FirewallJson.Options));

        Assert.Equal(16, EventFingerprint.Compute(Payload).Value.Length);
        Assert.True(EventFingerprint.Compute(Payload with { EventId = Guid.NewGuid() }).Matches(stored));
        Assert.False(EventFingerprint.Compute(Payload with { Content = "something else" }).Matches(stored));
    }
}
