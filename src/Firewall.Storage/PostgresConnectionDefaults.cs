using System.Globalization;
using Npgsql;

namespace Firewall.Storage;

/// <summary>
/// Bounds on every PostgreSQL connection, added where the connection string does not set its own, so that a hung server,
/// a blackholed socket or a held table lock fails in bounded time instead of holding the batch writer and the pool
/// (docs/operations.md, "Deadlines", gives each number and why).
/// </summary>
internal static class PostgresConnectionDefaults
{
    /// <summary>Opening a connection (TCP, TLS, authentication), and waiting for one from a full pool; Npgsql's own default is 15 s.</summary>
    public const int ConnectSeconds = 5;

    /// <summary>One command. A batch of 2,000 events commits in milliseconds; ten seconds is a hang, not a slow disk.</summary>
    public const int CommandSeconds = 10;

    /// <summary>After a command's timeout or cancellation, how long to wait for the server's answer to the cancel request before breaking the connection.</summary>
    public const int CancellationMilliseconds = 2_000;

    /// <summary>Idle seconds before the kernel probes the socket, and between probes: a blackholed idle connection is noticed in about 20 s.</summary>
    public const int TcpKeepaliveSeconds = 10;

    public const int TcpKeepaliveIntervalSeconds = 2;

    /// <summary>Server side: a statement waiting this long for a table lock fails, so a held lock fails the batch (rolled back whole) in bounded time.</summary>
    public const int LockTimeoutMilliseconds = 3_000;

    public static string Apply(string connectionString)
    {
        var set = ConnectionStringKeywords.Given(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!set.Contains("timeout"))
        {
            builder.Timeout = ConnectSeconds;
        }

        if (!set.Contains("commandtimeout"))
        {
            builder.CommandTimeout = CommandSeconds;
        }

        if (!set.Contains("cancellationtimeout"))
        {
            builder.CancellationTimeout = CancellationMilliseconds;
        }

        if (!set.Overlaps(["tcpkeepalive", "tcpkeepalivetime", "tcpkeepaliveinterval"]))
        {
            builder.TcpKeepAlive = true;
            builder.TcpKeepAliveTime = TcpKeepaliveSeconds;
            builder.TcpKeepAliveInterval = TcpKeepaliveIntervalSeconds;
        }

        if (builder.Options?.Contains("lock_timeout", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = string.Join(' ', new[] { builder.Options, string.Create(CultureInfo.InvariantCulture, $"-c lock_timeout={LockTimeoutMilliseconds}") }
                .Where(o => !string.IsNullOrWhiteSpace(o)));
        }

        return builder.ConnectionString;
    }

    /// <summary>Migrations and retention are not request work: an index build or a large trim may take minutes.</summary>
    public static readonly TimeSpan MaintenanceCommandTimeout = TimeSpan.FromMinutes(10);
}
