using Firewall.Core.Classification;

namespace Firewall.Core.Redaction;

/// <summary>
/// The pattern of <c>pii.us_ssn</c> in C#: <c>(?&lt;![\d-])\d{3}(?&lt;sep&gt;[- ])\d{2}\k&lt;sep&gt;\d{4}(?![\d-]?\d)</c>,
/// three, two and four digits (<c>\d</c>: any decimal digit) split by the same hyphen or space, not inside a longer
/// number. The regex enters at every digit of a dense text and cannot vectorise past its lookbehind; the scanner tries
/// only the first digit of each run, found by a vectorised search. <see cref="UsSsn"/> then checks the number.
/// </summary>
public static class SocialSecurityNumber
{
    private const int Length = 11;

    public static int Find(ReadOnlySpan<char> text, int from, out int length)
    {
        for (var start = RegexCharacters.IndexOfDigit(text, from); start >= 0; start = RegexCharacters.IndexOfDigit(text, start))
        {
            if (IsMatchAt(text, start))
            {
                length = Length;
                return start;
            }

            // Every later digit of this run follows a digit, which the lookbehind refuses.
            while (start < text.Length && char.IsDigit(text[start]))
            {
                start++;
            }
        }

        length = 0;
        return -1;
    }

    private static bool IsMatchAt(ReadOnlySpan<char> text, int start)
    {
        if ((start > 0 && (char.IsDigit(text[start - 1]) || text[start - 1] == '-')) || start + Length > text.Length)
        {
            return false;
        }

        var number = text.Slice(start, Length);
        var separator = number[3];
        if (separator is not ('-' or ' ') || number[6] != separator
            || !Digits(number[..3]) || !Digits(number[4..6]) || !Digits(number[7..]))
        {
            return false;
        }

        // (?![\d-]?\d): no digit follows, directly or after one hyphen.
        var end = start + Length;
        return !(end < text.Length && (char.IsDigit(text[end]) || (text[end] == '-' && end + 1 < text.Length && char.IsDigit(text[end + 1]))));
    }

    private static bool Digits(ReadOnlySpan<char> part)
    {
        foreach (var c in part)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
