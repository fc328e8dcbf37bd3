using System.Buffers;

namespace Firewall.Core.Classification.Text;

/// <summary>
/// ASCII written in invisible characters, seven bits a character: U+2062 (invisible times) for 0, U+2064 (invisible
/// plus) for 1, U+200B (zero-width space) between words. The normaliser drops them as format characters; this layer reads them.
/// </summary>
internal static class SneakyBitsLayer
{
    public const int MinCharacters = 4;

    private const char Zero = '\u2062';
    private const char One = '\u2064';
    private const char WordBreak = '\u200B';
    private const int BitsPerCharacter = 7;

    public static string? Decode(ReadOnlySpan<char> text)
    {
        var start = text.IndexOfAny(Zero, One);
        if (start < 0)
        {
            return null;
        }

        CappedText? decoded = null;
        var buffer = ArrayPool<char>.Shared.Rent(Math.Min(text.Length, DecodedViews.MaxViewLength));
        try
        {
            while (start >= 0 && decoded?.IsFull != true)
            {
                var length = text[start..].IndexOfAnyExcept(Zero, One, WordBreak);
                length = length < 0 ? text.Length - start : length;
                var written = ReadRun(text.Slice(start, length), buffer);
                if (written >= MinCharacters && ReadableText.IsReadable(buffer.AsSpan(0, written)))
                {
                    (decoded ??= new CappedText()).Append(buffer.AsSpan(0, written));
                }

                var next = text[(start + length)..].IndexOfAny(Zero, One);
                start = next < 0 ? -1 : start + length + next;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return decoded?.ToString();
    }

    /// <summary>The characters of one run, or 0 when a word's bits do not make whole characters.</summary>
    private static int ReadRun(ReadOnlySpan<char> run, char[] output)
    {
        int written = 0, bits = 0, value = 0;
        foreach (var c in run)
        {
            if (c == WordBreak)
            {
                if (bits != 0)
                {
                    return 0;
                }

                if (written > 0 && written < output.Length)
                {
                    output[written++] = ' ';
                }

                continue;
            }

            value = (value << 1) | (c == One ? 1 : 0);
            if (++bits == BitsPerCharacter)
            {
                if (written == output.Length)
                {
                    break;
                }

                output[written++] = (char)value;
                bits = 0;
                value = 0;
            }
        }

        return bits == 0 ? written : 0;
    }
}
