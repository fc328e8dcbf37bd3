using System.Data.Common;

namespace Firewall.Storage;

/// <summary>The keywords a connection string sets, normalised: both drivers accept them with or without spaces, in any case.</summary>
internal static class ConnectionStringKeywords
{
    public static HashSet<string> Given(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>().Select(Normalise).ToHashSet(StringComparer.Ordinal);

    /// <summary>"Command Timeout" and "CommandTimeout" both become "commandtimeout".</summary>
    public static string Normalise(string keyword) => keyword.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}
