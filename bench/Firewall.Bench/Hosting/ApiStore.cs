namespace Firewall.Bench.Hosting;

/// <summary>The store one API instance runs on: provider name as the API spells it, its connection string, optional Redis.</summary>
public sealed record ApiStore(string Provider, string ConnectionString, string? Redis)
{
    /// <summary>The embedded default: a SQLite file in <paramref name="folder"/>, no Redis.</summary>
    public static ApiStore Sqlite(string folder) => new("sqlite", $"Data Source={Path.Combine(folder, "firewall.db")}", null);
}
