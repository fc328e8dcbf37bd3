using System.Buffers;

namespace Firewall.Core.Classification.Text;

/// <summary>
/// Bytes hidden in runs of variation selectors after a visible character: U+FE00..U+FE0F for bytes 0..15 and
/// U+E0100..U+E01EF for the rest, read two ways, since tools differ: the supplement's offset taken as the byte, or as
/// the byte less 16. Invisible, and dropped by the normaliser as marks; this layer reads them. An emoji's own selector
/// (one U+FE0F) is far below the run of 4 bytes it needs.
/// </summary>
internal static class VariantSelectorLayer
{
    public const int MinBytes = 4;

    private const char SupplementHigh = '\uDB40';

    private static readonly SearchValues<char> SelectorStarts = SearchValues.Create("\uFE00\uFE01\uFE02\uFE03\uFE04\uFE05\uFE06\uFE07\uFE08\uFE09\uFE0A\uFE0B\uFE0C\uFE0D\uFE0E\uFE0F\uDB40");

    public static string? Decode(ReadOnlySpan<char> text)
    {
        var start = FirstSelector(text, 0);
        if (start < 0)
        {
            return null;
        }

        CappedText? decoded = null;
        var direct = ArrayPool<byte>.Shared.Rent(DecodedViews.MaxViewLength);
        var shifted = ArrayPool<byte>.Shared.Rent(DecodedViews.MaxViewLength);
        try
        {
            while (start >= 0 && decoded?.IsFull != true)
            {
                var end = ReadRun(text, start, direct, shifted, out var count);
                var piece = count < MinBytes ? null
                    : ReadableText.Decode(direct.AsSpan(0, count)) ?? ReadableText.Decode(shifted.AsSpan(0, count));
                if (piece is not null)
                {
                    (decoded ??= new CappedText()).Append(piece);
                }

                start = FirstSelector(text, end);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(direct);
            ArrayPool<byte>.Shared.Return(shifted);
        }

        return decoded?.ToString();
    }

    private static int FirstSelector(ReadOnlySpan<char> text, int from)
    {
        var index = from;
        while (index < text.Length)
        {
            var hit = text[index..].IndexOfAny(SelectorStarts);
            if (hit < 0)
            {
                return -1;
            }

            index += hit;
            if (text[index] != SupplementHigh || IsSupplementSelector(text, index))
            {
                return index;
            }

            index++;
        }

        return -1;
    }

    /// <summary>Reads selectors from <paramref name="start"/> as bytes both ways; returns where the run ends.</summary>
    private static int ReadRun(ReadOnlySpan<char> text, int start, byte[] direct, byte[] shifted, out int count)
    {
        count = 0;
        var position = start;
        while (position < text.Length && count < direct.Length)
        {
            var c = text[position];
            if (c is >= '\uFE00' and <= '\uFE0F')
            {
                direct[count] = shifted[count] = (byte)(c - '\uFE00');
                position++;
            }
            else if (IsSupplementSelector(text, position))
            {
                var offset = text[position + 1] - '\uDD00';
                direct[count] = (byte)offset;
                shifted[count] = (byte)(offset + 16);
                position += 2;
            }
            else
            {
                break;
            }

            count++;
        }

        return position;
    }

    // U+E0100..U+E01EF is \uDB40 followed by \uDD00..\uDDEF.
    private static bool IsSupplementSelector(ReadOnlySpan<char> text, int at) =>
        text[at] == SupplementHigh && at + 1 < text.Length && text[at + 1] is >= '\uDD00' and <= '\uDDEF';
}
