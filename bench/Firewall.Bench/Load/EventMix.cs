using System.Text;
using Firewall.Core.Events;

namespace Firewall.Bench.Load;

/// <summary>
/// A reproducible stream of events as one agent would post them: a plausible spread of types and severities, content
/// with and without secrets, personal data and injections from 100 B to a few KiB, time-ordered with about 5% late
/// events, unique event ids, and a few percent retries of an earlier event (same id, same payload) for idempotency.
/// Not thread-safe: one per virtual agent.
/// </summary>
public sealed class EventMix(int seed, double retryShare = 0.03)
{
    private const double LateShare = 0.05;

    // Weights per type, out of 100: injections and leaks dominate what firewalls report.
    private static readonly (EventType Type, int Weight)[] Types =
    [
        (EventType.PromptInjection, 25), (EventType.Jailbreak, 10), (EventType.PiiLeak, 15), (EventType.SecretLeak, 10),
        (EventType.ToxicContent, 8), (EventType.DataExfiltration, 5), (EventType.SystemPromptLeak, 4), (EventType.InsecureOutput, 4),
        (EventType.ExcessiveAgency, 3), (EventType.ModelDos, 2), (EventType.RateAbuse, 4), (EventType.PolicyViolation, 5), (EventType.Other, 5),
    ];

    private static readonly Severity?[] AgentSeverities = [null, null, Severity.Low, Severity.Medium, Severity.Medium, Severity.High, Severity.Critical];
    private static readonly EventAction[] Actions = [EventAction.Blocked, EventAction.Blocked, EventAction.Redacted, EventAction.Flagged, EventAction.Allowed];
    private static readonly string[] Models = ["gpt-4o", "claude-sonnet", "llama-3-70b", "mistral-large"];

    private readonly Random _random = new(seed);
    private readonly EventInput?[] _recent = new EventInput?[64];
    private readonly string _agentId = $"edge-{seed % 97}";
    private int _sent;

    /// <summary>The next event at <paramref name="now"/>: sometimes late, sometimes a retry of a recent one.</summary>
    public EventInput Next(DateTimeOffset now)
    {
        if (_sent > _recent.Length && _random.NextDouble() < retryShare)
        {
            return _recent[_random.Next(_recent.Length)]!;
        }

        var late = _random.NextDouble() < LateShare;
        var at = late
            ? now - TimeSpan.FromMinutes(1 + (_random.NextDouble() * 6 * 60))
            : now - TimeSpan.FromMilliseconds(_random.Next(2000));
        var input = Fresh(at);
        _recent[_sent++ % _recent.Length] = input;
        return input;
    }

    /// <summary>A new event (never a retry) at exactly <paramref name="at"/>, for the bulk loads and baselines.</summary>
    public EventInput Fresh(DateTimeOffset at)
    {
        var type = Pick();
        var samples = ContentSamples.ByType[type];
        return new EventInput
        {
            EventId = Guid.CreateVersion7(at),
            OccurredAt = at,
            AgentId = _agentId,
            Type = type,
            Action = Actions[_random.Next(Actions.Length)],
            Severity = AgentSeverities[_random.Next(AgentSeverities.Length)],
            Confidence = Math.Round(0.5 + (_random.NextDouble() / 2), 2),
            Model = Models[_random.Next(Models.Length)],
            Source = _random.Next(3) == 0 ? null : new EventSource($"10.0.{_random.Next(256)}.{_random.Next(256)}", $"user-{_random.Next(5000)}", null),
            Content = Sized(samples[_random.Next(samples.Length)]),
        };
    }

    private EventType Pick()
    {
        var draw = _random.Next(100);
        foreach (var (type, weight) in Types)
        {
            if ((draw -= weight) < 0)
            {
                return type;
            }
        }

        return EventType.Other;
    }

    /// <summary>60% short (100–400 B), 30% medium (to 2 KiB), 10% long (to 6 KiB).</summary>
    private string Sized(string text)
    {
        var bucket = _random.Next(10);
        var target = bucket < 6 ? _random.Next(100, 400) : bucket < 9 ? _random.Next(400, 2048) : _random.Next(2048, 6144);
        var content = new StringBuilder(text, target + ContentSamples.Filler.Length);
        while (content.Length < target)
        {
            content.Append(ContentSamples.Filler);
        }

        return content.ToString();
    }
}
