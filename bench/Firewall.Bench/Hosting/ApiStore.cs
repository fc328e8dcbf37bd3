namespace Firewall.Bench.Hosting;

/// <summary>The store one API instance runs on: provider name as the API spells it, its connection string, optional Redis.</summary>
public sealed record ApiStore(string Provider, string ConnectionString, string? Redis);
