namespace Firewall.Storage.Retention;

/// <summary>One provider's maintenance pass: partitions ahead (PostgreSQL) and retention, as of <c>now</c>.</summary>
internal interface IStoreMaintenance
{
    Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
