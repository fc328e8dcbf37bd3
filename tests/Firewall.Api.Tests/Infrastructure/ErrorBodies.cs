namespace Firewall.Api.Tests.Infrastructure;

/// <summary>What an error body must never carry: a .NET stack trace, an exception type, or SQL from the store.</summary>
public static class ErrorBodies
{
    private static readonly string[] Tells =
    [
        "   at ", "Exception:", "Npgsql", "SqliteException", "Microsoft.EntityFrameworkCore", "SELECT ", "INSERT INTO", "ON CONFLICT", "42P01", "SQLite Error",
    ];

    public static bool LeaksInternals(string body) => Tells.Any(tell => body.Contains(tell, StringComparison.Ordinal));
}
