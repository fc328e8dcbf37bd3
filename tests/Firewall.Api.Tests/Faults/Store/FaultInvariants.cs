using System.Net;
using Firewall.Api.Tests.Infrastructure;

namespace Firewall.Api.Tests.Faults.Store;

/// <summary>What every store fault test checks of its load once the fault has cleared (issue #10, item 7).</summary>
public static class FaultInvariants
{
    /// <summary>
    /// The fault bit (some 503s), agents were only ever told to retry (no 500, every 503/429 with Retry-After, no stack
    /// trace or SQL in a body), and the store holds every acknowledged event, each event id once.
    /// </summary>
    public static void AssertKept(IngestLoad load, IReadOnlyDictionary<Guid, int> stored)
    {
        Assert.True(load.Unexpected.IsEmpty, $"agents got answers they must never get: {load}");
        Assert.True(load.Statuses.GetValueOrDefault(HttpStatusCode.ServiceUnavailable) > 0, $"the fault never showed as a 503: {load}");
        Assert.True(load.Acknowledged.Count > FaultMode.MinimumAcknowledged, $"too few events were acknowledged to prove anything: {load}");
        StoredEvents.AssertHoldsEachOnce(stored, load.Acknowledged.Keys);
    }
}
