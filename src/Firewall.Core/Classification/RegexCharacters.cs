using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Firewall.Core.Classification;

/// <summary>
/// The regex engine's character classes, for scanners that must match exactly what a pattern matches (RegexCharacterTests
/// compares them with the engine over every UTF-16 character). <c>\d</c> is <see cref="char.IsDigit(char)"/>.
/// </summary>
public static class RegexCharacters
{
    // Every ASCII character but the digits: what is not one of these is an ASCII digit or not ASCII.
    private static readonly SearchValues<char> AsciiNonDigits = SearchValues.Create(
        [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !char.IsAsciiDigit(c))]);

    // The ASCII characters of \s, all below 64, as bits: from 64 to 127 there are none.
    private const ulong AsciiSpaces = (1UL << '\t') | (1UL << '\n') | (1UL << '\v') | (1UL << '\f') | (1UL << '\r') | (1UL << ' ');

    /// <summary><c>\s</c>, which is <see cref="char.IsWhiteSpace(char)"/>: a bit test for ASCII, small enough to be inlined
    /// into a scanner's loop (a call per character cost scanners a third of their time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => c < 64 ? ((AsciiSpaces >> c) & 1) != 0 : c >= 128 && char.IsWhiteSpace(c);

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
