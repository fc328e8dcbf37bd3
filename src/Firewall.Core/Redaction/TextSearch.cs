namespace Firewall.Core.Redaction;

/// <summary>Vectorised searches from an offset, for scanners that walk a text from one anchor to the next.</summary>
internal static class TextSearch
{
    /// <summary>The index of the first <paramref name="value"/> at or after <paramref name="from"/>, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<char> text, int from, ReadOnlySpan<char> value)
    {
        var found = text[from..].IndexOf(value);
        return found < 0 ? -1 : from + found;
    }
}
