using System.Buffers;
using System.Globalization;

namespace Firewall.Core.Classification;

/// <summary>
/// The regex engine's character classes, for scanners that must match exactly what a pattern matches (RegexCharacterTests
/// compares them with the engine over every UTF-16 character). <c>\d</c> is <see cref="char.IsDigit(char)"/> and
/// <c>\s</c> is <see cref="char.IsWhiteSpace(char)"/>.
/// </summary>
public static class RegexCharacters
{
    // Every ASCII character but the digits: what is not one of these is an ASCII digit or not ASCII.
    private static readonly SearchValues<char> AsciiNonDigits = SearchValues.Create(
        [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !char.IsAsciiDigit(c))]);

    /// <summary><c>\w</c>: letters, non-spacing marks, decimal digits and connector punctuation.</summary>
    public static bool IsWordChar(char c) =>
        char.IsAscii(c)
            ? char.IsAsciiLetterOrDigit(c) || c == '_'
            : CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
                or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;

    /// <summary>A word character on either side of <c>\b</c>: <c>\w</c> and the zero-width (non-)joiners.</summary>
    public static bool IsBoundaryWordChar(char c) => IsWordChar(c) || c is '\u200C' or '\u200D';

    /// <summary>Whether <c>\b</c> holds before <paramref name="index"/> (the text's ends count as non-word characters).</summary>
    public static bool IsBoundary(ReadOnlySpan<char> text, int index) =>
        (index > 0 && IsBoundaryWordChar(text[index - 1])) != (index < text.Length && IsBoundaryWordChar(text[index]));

    /// <summary>The first <c>\d</c> (any Unicode decimal digit) at or after <paramref name="from"/>, or -1; vectorised over ASCII.</summary>
    public static int IndexOfDigit(ReadOnlySpan<char> text, int from)
    {
        while (from < text.Length)
        {
            var found = text[from..].IndexOfAnyExcept(AsciiNonDigits);
            if (found < 0)
            {
                return -1;
            }

            if (char.IsDigit(text[from + found]))
            {
                return from + found;
            }

            from += found + 1;
        }

        return -1;
    }
}
