using Firewall.Core.Classification;

namespace Firewall.Core.Redaction;

/// <summary>
/// The pattern of <c>pii.card</c> in C#: <c>(?&lt;![\w-])\d(?:[ -]?\d){12,18}(?!\w|-\d)</c>, 13 to 19 digits
/// (<c>\d</c>: any decimal digit) each optionally after one space or hyphen, not inside a word. Each repetition can
/// match one way only, so the regex's backtracking just gives back digits, most first, until the lookahead holds; the
/// scanner does that from the first digit of each word, found by a vectorised search. <see cref="Luhn"/> then checks
/// the number.
/// </summary>
public static class CardNumber
{
    private const int MinRepeats = 12;
    private const int MaxRepeats = 18;

    public static int Find(ReadOnlySpan<char> text, int from, out int length)
    {
        Span<int> ends = stackalloc int[MaxRepeats + 1];
        for (var start = RegexCharacters.IndexOfDigit(text, from); start >= 0; start = RegexCharacters.IndexOfDigit(text, start))
        {
            if (start == 0 || !(RegexCharacters.IsWordChar(text[start - 1]) || text[start - 1] == '-'))
            {
                var end = MatchEnd(text, start, ends);
                if (end > 0)
                {
                    length = end - start;
                    return start;
                }
            }

            // Every later character of this word follows a word character, which the lookbehind refuses.
            while (start < text.Length && RegexCharacters.IsWordChar(text[start]))
            {
                start++;
            }
        }

        length = 0;
        return -1;
    }

    // The end of the longest run of repetitions the lookahead accepts, or -1; 'ends' holds where each repetition ends.
    private static int MatchEnd(ReadOnlySpan<char> text, int start, Span<int> ends)
    {
        var repeats = 0;
        for (var position = start + 1; repeats < MaxRepeats; repeats++)
        {
            if (position + 1 < text.Length && text[position] is ' ' or '-' && char.IsDigit(text[position + 1]))
            {
                position += 2;
            }
            else if (position < text.Length && char.IsDigit(text[position]))
            {
                position++;
            }
            else
            {
                break;
            }

            ends[repeats + 1] = position;
        }

        for (; repeats >= MinRepeats; repeats--)
        {
            var end = ends[repeats];
            var refused = end < text.Length
                && (RegexCharacters.IsWordChar(text[end]) || (text[end] == '-' && end + 1 < text.Length && char.IsDigit(text[end + 1])));
            if (!refused)
            {
                return end;
            }
        }

        return -1;
    }
}
