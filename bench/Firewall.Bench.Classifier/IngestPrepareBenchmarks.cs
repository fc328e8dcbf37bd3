using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Firewall.Api.Http;
using Firewall.Api.Ingest;
using Firewall.Bench.Load;
using Firewall.Core.Events;
using Firewall.Core.Serialization;
using Firewall.Core.Validation;

namespace Firewall.Bench.Classifier;

/// <summary>
/// Everything ingest does to a batch of the load generator's events except classification (issue 12, lever 1): split,
/// parse, validate, normalize, fingerprint. <see cref="Before"/> is the path as it was at b02e08b, rebuilt from the parts
/// that remain (the strict batch deserializer is today's fallback); the Ratio column is the gain, whatever the machine.
/// </summary>
[MemoryDiagnoser]
public class IngestPrepareBenchmarks
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    // The former dialect exactly, with contracts built by reflection as before the source-generated context.
    private static readonly JsonSerializerOptions Reflection = new(FirewallJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static readonly ClaimsPrincipal Agent = new(new ClaimsIdentity([new Claim("sub", "edge-7")], "bench"));

    private readonly EventInputValidator _validator = new(TimeProvider.System);
    private EventAdmission _admission = null!;
    private byte[] _body = [];
    private EventInput[] _inputs = [];

    [Params(1000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var mix = new EventMix(seed: 7);
        _body = WireBodies.Batch([.. Enumerable.Range(0, Events).Select(i => mix.Fresh(At.AddMilliseconds(i)))]);
        _admission = new EventAdmission(_validator);
        _inputs = [.. BatchItems.Read(_body).Select(item => item.Read() with { AgentId = "edge-7" })];
    }

    [Benchmark(Baseline = true)]
    public int Before()
    {
        var items = JsonBody.Deserialize<BatchRequest>(_body, "body", BatchRequest.Options, checkedDepth: 1).Events!;
        var hashed = 0;
        foreach (var item in items)
        {
            var input = JsonBody.Deserialize<EventInput>(item.Utf8Json.Span, "event", Reflection);
            if (!_validator.Validate(input).IsValid)
            {
                throw new InvalidOperationException("The benchmark's events must be valid.");
            }

            var normalized = input with { AgentId = input.AgentId ?? "edge-7", OccurredAt = input.OccurredAt!.Value.ToUniversalTime() };
            hashed += SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(normalized with { EventId = null }, Reflection)).Length;
        }

        return hashed;
    }

    [Benchmark]
    public int After()
    {
        var hashed = 0;
        foreach (var item in BatchItems.Read(_body))
        {
            hashed += _admission.Admit(item.Read(), Agent).Fingerprint.Value.Length;
        }

        return hashed;
    }

    // The parts, to see where the time goes and what is left.

    [Benchmark]
    public int SplitOnly() => BatchItems.Read(_body).Count;

    [Benchmark]
    public int ParseItemsOnly()
    {
        var parsed = 0;
        foreach (var item in BatchItems.Read(_body))
        {
            parsed += item.Read().Content?.Length ?? 0;
        }

        return parsed;
    }

    [Benchmark]
    public int ValidateOnly()
    {
        var valid = 0;
        foreach (var input in _inputs)
        {
            valid += _validator.Validate(input).IsValid ? 1 : 0;
        }

        return valid;
    }

    [Benchmark]
    public int FingerprintBefore()
    {
        var hashed = 0;
        foreach (var input in _inputs)
        {
            hashed += SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(input with { EventId = null }, Reflection)).Length;
        }

        return hashed;
    }

    [Benchmark]
    public int FingerprintAfter()
    {
        var hashed = 0;
        foreach (var input in _inputs)
        {
            hashed += EventFingerprint.Compute(input).Value.Length;
        }

        return hashed;
    }
}
