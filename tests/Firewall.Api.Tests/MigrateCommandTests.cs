using System.Diagnostics;
using System.Net;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Testing;

namespace Firewall.Api.Tests;

/// <summary>
/// Production migrations on PostgreSQL: MigrateOnStartup is off, the API refuses a schema that lacks migrations, and the
/// migration Job's command (the API binary with <c>--migrate</c>, run here as a real process) brings the schema up to date.
/// </summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task OnPostgresWithoutMigrateOnStartupTheApiRefusesAnUnmigratedStoreNamingTheMigrationsAndTheFix()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var factory = new ExistingDatabaseFactory(database.ConnectionString);

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("InitialCreate", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("run the API with --migrate, as the migration Job does", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMigrateCommandMigratesPostgresAndExitsThenTheApiStartsWithoutMigrating()
    {
        await using var database = await PostgresDatabase.CreateAsync();

        var (exitCode, output) = await RunApiAsync(database.ConnectionString, "--migrate");

        Assert.True(exitCode == 0, $"--migrate exited with {exitCode}: {output}");
        // It says what it applied, and the fresh database's expected probes (no history table yet) are no error, nor SQL in the log.
        Assert.Contains("Applied", output, StringComparison.Ordinal);
        Assert.Contains("InitialCreate", output, StringComparison.Ordinal);
        Assert.Contains("HourlyEventCounts", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"@l\":\"Error\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("SELECT ", output, StringComparison.Ordinal);
        var (againExitCode, again) = await RunApiAsync(database.ConnectionString, "--migrate");
        Assert.True(againExitCode == 0, $"the second --migrate exited with {againExitCode}: {again}");
        Assert.Contains("already up to date", again, StringComparison.Ordinal);
        using var factory = new ExistingDatabaseFactory(database.ConnectionString);
        Assert.Equal(HttpStatusCode.Created, (await factory.Agent().PostAsync(Events.Valid())).StatusCode);
    }

    private static async Task<(int ExitCode, string Output)> RunApiAsync(string connectionString, params string[] args)
    {
        var start = ApiProcess.StartInfo(ApiProcess.NewDataPath(), args);
        start.Environment["Firewall__Store__Provider"] = "postgres";
        start.Environment["ConnectionStrings__Firewall"] = connectionString;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The API on a PostgreSQL database the test owns, with MigrateOnStartup off as in production.</summary>
    private sealed class ExistingDatabaseFactory(string connectionString) : FirewallApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Firewall:Store:Provider", "postgres"),
            new("ConnectionStrings:Firewall", connectionString),
            new("Firewall:Store:MigrateOnStartup", "false"),
        ];
    }
}
