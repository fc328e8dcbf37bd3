using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Firewall.Storage.Data;

/// <summary>Every stored time is UTC; SQLite forgets the kind, so it is restored on read.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v,
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
