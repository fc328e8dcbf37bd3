using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Firewall.Storage.Writing;

/// <summary>Recognises a unique violation on event_id: another writer stored the same eventId between our look-up and our insert.</summary>
internal static class EventIdRace
{
    private const string Index = "ux_events_event_id";
    private const int SqliteConstraintUnique = 2067;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation && pg.ConstraintName == Index,
        // SQLite names the columns, not the index.
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique && sqlite.Message.Contains("events.event_id", StringComparison.Ordinal),
        _ => false,
    };
}
