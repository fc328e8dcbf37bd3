using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Firewall.Testing;

/// <summary>
/// A PostgreSQL 15 server of a test class's own (initdb in a temp folder, a free loopback port), for faults the shared
/// server of scripts/services.sh must never suffer: a crash (<c>pg_ctl stop -m immediate</c>), a hang (SIGSTOP of every
/// process of the instance). As root (CI) it runs as the postgres account, since initdb refuses root.
/// fsync is off (nothing here outlives the run, and the machine itself never crashes), but every commit is written to the
/// kernel before it returns (synchronous_commit stays on): an immediate stop then loses nothing acknowledged, as on a real server.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private const string Account = "postgres";
    private readonly string _root = Directory.CreateTempSubdirectory("fw-pg-").FullName;

    private PostgresServer()
    {
    }

    public int Port { get; } = FreePort();

    /// <summary>The instance's own database <c>postgres</c>, as the superuser <c>firewall</c> (trust on loopback: a throwaway instance).</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    private string DataPath => Path.Combine(_root, "data");

    /// <summary>Creates the cluster and starts it.</summary>
    public static async Task<PostgresServer> StartNewAsync()
    {
        var server = new PostgresServer();
        if (Commands.IsRoot)
        {
            await Commands.RunAsync("chown", [Account, server._root]);
        }

        await Commands.RunAsAsync(Account, $"{Bin}/initdb", "-D", server.DataPath, "-U", "firewall", "-A", "trust", "-E", "UTF8");
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the server (again, after a crash: it recovers from its WAL first) and waits until it takes connections.</summary>
    public Task StartAsync() => Commands.RunAsAsync(Account, $"{Bin}/pg_ctl", "-D", DataPath, "-l", Path.Combine(_root, "pg.log"), "-w", "-t", "60", "-o",
        string.Create(CultureInfo.InvariantCulture,
            $"-h 127.0.0.1 -p {Port} -k {_root} -c fsync=off -c full_page_writes=off -c max_connections=200"),
        "start");

    /// <summary>An immediate stop: every process quits at once without a checkpoint, as after a crash; the next start runs recovery.</summary>
    public Task CrashAsync() => Commands.RunAsAsync(Account, $"{Bin}/pg_ctl", "-D", DataPath, "-m", "immediate", "-w", "stop");

    /// <summary>
    /// SIGSTOP to the postmaster first (so it forks nothing new), then to every process it started: the port still takes
    /// connections (the kernel completes the handshake) but nothing answers, like a frozen host.
    /// </summary>
    public async Task PauseAsync()
    {
        var postmaster = await PostmasterAsync();
        await SignalAsync("-STOP", [postmaster]);
        await SignalAsync("-STOP", ChildrenOf(postmaster));
    }

    /// <summary>SIGCONT to the children, then the postmaster.</summary>
    public async Task ResumeAsync()
    {
        var postmaster = await PostmasterAsync();
        await SignalAsync("-CONT", ChildrenOf(postmaster));
        await SignalAsync("-CONT", [postmaster]);
    }

    /// <summary>A fresh, empty database on this server; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"fw_test_{Guid.NewGuid():N}";
        await using var admin = new NpgsqlConnection(ConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataPath, "postmaster.pid")))
        {
            await ResumeAsync();
            await CrashAsync(); // nothing to keep: the quickest stop
        }

        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "firewall", Database = database }.ConnectionString;

    // The first line of postmaster.pid is the postmaster's process id.
    private async Task<int> PostmasterAsync() =>
        int.Parse((await File.ReadAllLinesAsync(Path.Combine(DataPath, "postmaster.pid")))[0], CultureInfo.InvariantCulture);

    // Backends and auxiliary processes are all forked by the postmaster: /proc/<pid>/stat names each one's parent (the
    // fourth field, after the command name in parentheses, which may itself hold spaces).
    private static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return children;
    }

    // kill signals every process it is given that still exists; one that ended meanwhile is no failure.
    private static async Task SignalAsync(string signal, List<int> pids)
    {
        if (pids.Count == 0)
        {
            return;
        }

        var (exitCode, _, error) = await Commands.ExecuteAsync("kill", [signal, .. pids.Select(p => p.ToString(CultureInfo.InvariantCulture))]);
        var failures = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.Contains("No such process", StringComparison.Ordinal)).ToList();
        if (exitCode != 0 && failures.Count > 0)
        {
            throw new InvalidOperationException($"kill {signal} failed: {string.Join("; ", failures)}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
