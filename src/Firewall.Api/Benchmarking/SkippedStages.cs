namespace Firewall.Api.Benchmarking;

/// <summary>
/// The stages a benchmark host may switch off to measure each one's share (issue 12's decomposition). Read from
/// <c>Firewall:Benchmark:Skip</c> (<c>classification,auth,commit</c>), honoured only in the Benchmark environment.
/// </summary>
[Flags]
public enum SkippedStages
{
    None = 0,

    /// <summary>Events are stored with a fixed not-classified result: no detection and no redaction (they share one scan).</summary>
    Classification = 1,

    /// <summary>Every request is the benchmark's principal, holding the agent and analyst roles; no token is read.</summary>
    Auth = 2,

    /// <summary>The writer acknowledges each event as created at once: no queue, no transaction, no commit listeners.</summary>
    Commit = 4,
}
