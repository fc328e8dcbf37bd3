using System.Buffers;

namespace Firewall.Core.Classification.Text;

/// <summary>
/// Morse code: runs of at least 4 letters of dots and dashes (<c>.. --. -. --- .-. .</c>), letters separated by a
/// space and words by <c>/</c>, <c>|</c>, a line break or two spaces. Ellipses, dashes and Markdown rules are too short
/// or too uniform (one distinct letter) to count.
/// </summary>
internal static class MorseLayer
{
    public const int MinLetters = 4;

    private const int MaxSymbols = 5;

    private const string Alphabet =
        "a.- b-... c-.-. d-.. e. f..-. g--. h.... i.. j.--- k-.- l.-.. m-- n-. o--- p.--. q--.- r.-. s... t- u..- v...- " +
        "w.-- x-..- y-.-- z--.. 0----- 1.---- 2..--- 3...-- 4....- 5..... 6-.... 7--... 8---.. 9----.";

    private static readonly SearchValues<char> Symbols = SearchValues.Create(".-");

    // Indexed by the code read as binary behind a leading 1 (dot 0, dash 1): ".-" is 0b101.
    private static readonly char[] Letters = BuildLetters();

    public static string? Decode(ReadOnlySpan<char> text)
    {
        var start = NextStart(text, 0);
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
                var end = ReadRun(text, start, buffer, out var written, out var letters);
                if (letters >= MinLetters && buffer.AsSpan(0, written).ContainsAnyExcept(buffer[0], ' '))
                {
                    (decoded ??= new CappedText()).Append(buffer.AsSpan(0, written));
                }

                start = NextStart(text, Math.Max(end, start + 1));
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return decoded?.ToString();
    }

    /// <summary>The next dot or dash that does not follow a letter or digit ("e.g.", "well-known" are not Morse).</summary>
    private static int NextStart(ReadOnlySpan<char> text, int from)
    {
        var index = from;
        while (index < text.Length)
        {
            var hit = text[index..].IndexOfAny(Symbols);
            if (hit < 0)
            {
                return -1;
            }

            index += hit;
            if (index == 0 || !char.IsLetterOrDigit(text[index - 1]))
            {
                return index;
            }

            index++;
        }

        return -1;
    }

    /// <summary>Decodes letters from <paramref name="start"/> until something that is not Morse; returns where they end.</summary>
    private static int ReadRun(ReadOnlySpan<char> text, int start, char[] output, out int written, out int letters)
    {
        written = 0;
        letters = 0;
        var position = start;
        while (written < output.Length)
        {
            var code = 1;
            var end = position;
            while (end < text.Length && Symbols.Contains(text[end]) && end - position <= MaxSymbols)
            {
                code = (code << 1) | (text[end] == '-' ? 1 : 0);
                end++;
            }

            if (end - position > MaxSymbols || Letters[code] == '\0')
            {
                break;
            }

            output[written++] = Letters[code];
            letters++;
            position = end;

            var gap = end;
            var wordGap = false;
            while (gap < text.Length && text[gap] is ' ' or '/' or '|' or '\n' or '\r')
            {
                wordGap |= text[gap] != ' ' || gap - end >= 1;
                gap++;
            }

            if (gap == end || gap == text.Length || !Symbols.Contains(text[gap]) || written == output.Length)
            {
                break;
            }

            if (wordGap)
            {
                output[written++] = ' ';
            }

            position = gap;
        }

        return position;
    }

    private static char[] BuildLetters()
    {
        var letters = new char[1 << (MaxSymbols + 1)];
        foreach (var entry in Alphabet.Split(' '))
        {
            var code = 1;
            foreach (var symbol in entry.AsSpan(1))
            {
                code = (code << 1) | (symbol == '-' ? 1 : 0);
            }

            letters[code] = entry[0];
        }

        return letters;
    }
}
