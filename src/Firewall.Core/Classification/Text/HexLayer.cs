using System.Buffers;

namespace Firewall.Core.Classification.Text;

/// <summary>
/// Sequences of at least 8 hex-encoded bytes that decode to readable UTF-8, written bare (<c>49676e</c>), spaced or
/// comma-separated (<c>49 67 6e</c>), or with a prefix on each byte (<c>0x49 0x67</c>, <c>\x49\x67</c>). Each byte of
/// ASCII text starts with a digit, so a sequence is looked for only from a digit or a backslash.
/// </summary>
internal static class HexLayer
{
    public const int MinBytes = 8;

    private const int MaxSeparator = 2;

    private static readonly SearchValues<char> Starts = SearchValues.Create("0123456789\\");

    public static string? Decode(ReadOnlySpan<char> text)
    {
        if (!text.ContainsAny(Starts))
        {
            return null;
        }

        CappedText? decoded = null;
        var bytes = ArrayPool<byte>.Shared.Rent(DecodedViews.MaxViewLength);
        try
        {
            var index = 0;
            while (decoded?.IsFull != true)
            {
                var start = text[index..].IndexOfAny(Starts);
                if (start < 0)
                {
                    break;
                }

                start += index;
                var end = ReadBytes(text, start, bytes, out var count);
                var piece = count >= MinBytes ? ReadableText.Decode(bytes.AsSpan(0, count)) : null;
                if (piece is not null)
                {
                    (decoded ??= new CappedText()).Append(piece);
                }

                // A sequence starting inside the one just read would be part of it: go on after it.
                index = Math.Max(end, start + 1);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }

        return decoded?.ToString();
    }

    /// <summary>Reads bytes from <paramref name="start"/> while they follow each other; returns where the sequence ends.</summary>
    private static int ReadBytes(ReadOnlySpan<char> text, int start, Span<byte> bytes, out int count)
    {
        count = 0;
        var end = start;
        var position = start;
        while (count < bytes.Length)
        {
            var digits = position + Prefix(text[position..]);
            if (!HexByte.TryRead(text, digits, out bytes[count]))
            {
                break;
            }

            count++;
            end = digits + 2;
            position = end;
            while (position < text.Length && position - end < MaxSeparator && text[position] is ' ' or ',' or ':')
            {
                position++;
            }
        }

        return end;
    }

    private static int Prefix(ReadOnlySpan<char> text) =>
        text.Length > 2 && (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.StartsWith("\\x", StringComparison.OrdinalIgnoreCase)) ? 2 : 0;
}
