namespace Firewall.Testing;

/// <summary>
/// The real servers tests talk to, started by scripts/services.sh (the README's test command runs it). Their absence is
/// a failure with instructions, never a silent skip: a suite that skips its integration tests proves nothing.
/// </summary>
public static class TestServices
{
    /// <summary>A connection string to a PostgreSQL server where the tests may create and drop databases.</summary>
    public static string PostgresAdmin => Require("FIREWALL_TEST_POSTGRES");

    /// <summary>host:port of a Redis server the tests may use (each test uses its own key prefix).</summary>
    public static string Redis => Require("FIREWALL_TEST_REDIS");

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Run the suite with ./scripts/test.sh, or start the services with: eval \"$(scripts/services.sh up)\"");
}
