using System.Globalization;
using Firewall.Storage;
using Firewall.Storage.Data;
using Firewall.Storage.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Firewall.Api.Operations;

/// <summary>
/// Readiness of the store: a round trip (<c>SELECT 1</c> on a pooled connection), answered Unhealthy within
/// <see cref="Timeout"/> when the store hangs, so a probe with a 2 s timeout sees not-ready instead of waiting the hang out.
/// The description names the cause in one line; no exception is attached, so no stack trace is logged per probe.
/// </summary>
internal sealed class StoreHealthCheck(IDbContextFactory<FirewallDbContext> factory) : IHealthCheck
{
    /// <summary>Under the probe's 2 s, with room for the HTTP round trip.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(1000);

    /// <summary>The health-check service's own timeout for this check: a backstop only, later than <see cref="Timeout"/> so the check's answer wins.</summary>
    public static readonly TimeSpan Backstop = TimeSpan.FromMilliseconds(1300);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await StoreDeadline.RunAsync(RoundTripAsync, Timeout, cancellationToken);
            return HealthCheckResult.Healthy("The store answers.");
        }
        catch (StoreUnavailableException)
        {
            return HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture, $"The store did not answer within {Timeout.TotalSeconds:0.0} s."));
        }
        catch (OperationCanceledException)
        {
            // The probe went away, or the registration's backstop fired first on a starved machine: not ready either way.
            return HealthCheckResult.Unhealthy("The store check was cancelled before the store answered.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"The store failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task<int> RoundTripAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync(cancellationToken);
    }
}
