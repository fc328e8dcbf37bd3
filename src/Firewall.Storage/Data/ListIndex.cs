using System.Text;

namespace Firewall.Storage.Data;

/// <summary>
/// Whether a row fits the PostgreSQL covering index of list rows, <c>ix_events_list</c> (severity, occurred_at, id)
/// INCLUDE every list column, so a page is read from the index alone. A btree tuple is at most 2,704 bytes, and a legal
/// event's list columns can exceed it (a 2 KiB message and 32 attributes): such a row, rare, is indexed by the narrow
/// partial <c>ix_events_wide_occurred_at_id</c> instead, and a page reads it from the heap (docs/architecture.md, Storage).
/// </summary>
public static class ListIndex
{
    /// <summary>
    /// Most UTF-8 bytes the variable-length list columns may hold together: 2,704 less a bound on the tuple's fixed part
    /// (header, null bitmap, 13 fixed-width columns and each text column's length word and alignment, about 220 bytes).
    /// Counted uncompressed, so a row that passes fits even when PostgreSQL cannot compress it.
    /// </summary>
    public const int TextBudgetBytes = 2_400;

    private static readonly (string Column, Func<EventRecord, string?> Value)[] Texts =
    [
        ("agent_id", r => r.AgentId), ("model", r => r.Model), ("source_ip", r => r.SourceIp),
        ("source_user_id", r => r.SourceUserId), ("source_session_id", r => r.SourceSessionId), ("message", r => r.Message),
        ("content_excerpt", r => r.ContentExcerpt), ("attributes", r => r.Attributes), ("findings", r => r.Findings),
        ("rule_set_version", r => r.RuleSetVersion), ("detector_model_version", r => r.DetectorModelVersion),
    ];

    /// <summary>The variable-length list columns, by name: what a writer that is not EF (the benchmark's COPY) passes to <see cref="Fits(IEnumerable{string?})"/>.</summary>
    public static IReadOnlyList<string> TextColumns { get; } = [.. Texts.Select(t => t.Column)];

    /// <summary>Whether list columns holding <paramref name="texts"/> (the values of <see cref="TextColumns"/>) fit the covering index.</summary>
    public static bool Fits(IEnumerable<string?> texts)
    {
        long bytes = 0;
        foreach (var text in texts)
        {
            bytes += text is null ? 0 : Encoding.UTF8.GetByteCount(text);
        }

        return bytes <= TextBudgetBytes;
    }

    internal static bool Fits(EventRecord row) => Fits(Texts.Select(t => t.Value(row)));
}
