using System.Buffers;

namespace Firewall.Core.Classification;

/// <summary>
/// <c>(?&lt;![A-Za-z0-9+/])(?=[A-Za-z0-9+/]{24})[A-Za-z0-9+/]{24,}={0,2}(?![A-Za-z0-9+/=])</c>: a whole run of at least
/// 24 base64 characters with at most two '=' of padding. The regex enters at nearly every character of prose (all are
/// in its first set); a run that long covers one index of every residue mod 24, so probing one index in 24 finds them all.
/// The decoded views (<see cref="Text.DecodedViews"/>) look for shorter runs with the same probe.
/// </summary>
public static class Base64Run
{
    public const int MinRun = 24;
    private const int MaxPadding = 2;

    private static readonly SearchValues<char> Alphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    public static int Find(ReadOnlySpan<char> text, int from, out int length) => Find(text, from, MinRun, out length);

    /// <summary>The next whole run of at least <paramref name="minRun"/> base64 characters from <paramref name="from"/>.</summary>
    public static int Find(ReadOnlySpan<char> text, int from, int minRun, out int length)
    {
        for (var probe = from + minRun - 1; probe < text.Length; probe += minRun)
        {
            if (!Alphabet.Contains(text[probe]))
            {
                continue;
            }

            var start = probe;
            while (start > 0 && Alphabet.Contains(text[start - 1]))
            {
                start--;
            }

            var end = probe + 1;
            while (end < text.Length && Alphabet.Contains(text[end]))
            {
                end++;
            }

            var padded = end;
            while (padded < text.Length && text[padded] == '=')
            {
                padded++;
            }

            // A run that began before 'from' has no match start in it: every later position follows a base64 character.
            var isWhole = padded == end || padded == text.Length || !Alphabet.Contains(text[padded]);
            if (start >= from && end - start >= minRun && padded - end <= MaxPadding && isWhole)
            {
                length = padded - start;
                return start;
            }

            probe = end - 1;
        }

        length = 0;
        return -1;
    }
}
