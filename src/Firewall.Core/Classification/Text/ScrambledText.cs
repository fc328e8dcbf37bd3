using System.Text;

namespace Firewall.Core.Classification.Text;

/// <summary>The two transforms that undo themselves: ROT13 and reversal (by code point, so surrogate pairs stay whole).</summary>
internal static class ScrambledText
{
    public static string Rot13(ReadOnlySpan<char> text)
    {
        text = text[..Math.Min(text.Length, DecodedViews.MaxViewLength)];
        var rotated = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var first = char.IsAsciiLetterUpper(c) ? 'A' : 'a';
            rotated[i] = char.IsAsciiLetter(c) ? (char)(first + ((c - first + 13) % 26)) : c;
        }

        return new string(rotated);
    }

    public static string Reverse(ReadOnlySpan<char> text)
    {
        text = text[..Math.Min(text.Length, DecodedViews.MaxViewLength)];
        var reversed = new char[text.Length];
        var written = 0;
        var end = text.Length;
        while (end > 0)
        {
            // A lone surrogate comes back as U+FFFD, one char for one.
            Rune.DecodeLastFromUtf16(text[..end], out var rune, out var consumed);
            written += rune.EncodeToUtf16(reversed.AsSpan(written));
            end -= consumed;
        }

        return new string(reversed, 0, written);
    }
}
