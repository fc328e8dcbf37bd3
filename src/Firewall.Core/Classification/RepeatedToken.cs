using System.Buffers;
using System.Runtime.CompilerServices;

namespace Firewall.Core.Classification;

/// <summary>
/// <c>(?&lt;![^\s,;.])(\S{1,32}[\s,;.]{1,4})\1{63,}</c>: one unit (a token and its separators) followed by at least 63
/// copies of itself. The backreference makes the regex retry every token length at every position; here each candidate
/// unit, tried in the regex's order (longest token, then longest separator), costs one vectorized comparison of the text
/// against itself shifted by the unit's length, once the unit's first character is seen to recur where the first and the
/// last required copy start (most candidates in prose fail there, without a call).
/// </summary>
public static class RepeatedToken
{
    public const int MinCopies = 64;
    private const int MaxToken = 32;
    private const int MaxSeparator = 4;

    private static readonly SearchValues<char> Separators =
        SearchValues.Create([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(IsSeparator)]);

    public static int Find(ReadOnlySpan<char> text, int from, out int length)
    {
        // Every unit holds a separator, so a match needs 64 of them after 'from': most short texts have fewer.
        if (!HasSeparators(text[Math.Min(from, text.Length)..], MinCopies))
        {
            length = 0;
            return -1;
        }

        // A match spans at least 64 units of two characters each.
        for (var start = from; start <= text.Length - (2 * MinCopies); start++)
        {
            if ((start > 0 && !IsSeparator(text[start - 1])) || RegexCharacters.IsSpace(text[start]))
            {
                continue;
            }

            var tokenMax = 1;
            while (tokenMax < MaxToken && start + tokenMax < text.Length && !RegexCharacters.IsSpace(text[start + tokenMax]))
            {
                tokenMax++;
            }

            for (var token = tokenMax; token >= 1; token--)
            {
                var separatorMax = 0;
                while (separatorMax < MaxSeparator && start + token + separatorMax < text.Length && IsSeparator(text[start + token + separatorMax]))
                {
                    separatorMax++;
                }

                for (var separator = separatorMax; separator >= 1; separator--)
                {
                    var unit = token + separator;
                    if (!MayRepeat(text, start, unit))
                    {
                        continue;
                    }

                    var copies = 1 + (text[(start + unit)..].CommonPrefixLength(text[start..]) / unit);
                    if (copies >= MinCopies)
                    {
                        length = copies * unit;
                        return start;
                    }
                }
            }
        }

        length = 0;
        return -1;
    }

    private static bool HasSeparators(ReadOnlySpan<char> text, int count)
    {
        for (var at = text.IndexOfAny(Separators); at >= 0; at = text.IndexOfAny(Separators))
        {
            if (--count == 0)
            {
                return true;
            }

            text = text[(at + 1)..];
        }

        return false;
    }

    // 64 copies of the unit need the text to reach that far, and its first character where the second and the 64th copy start.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayRepeat(ReadOnlySpan<char> text, int start, int unit)
    {
        var last = start + ((MinCopies - 1) * unit);
        return last + unit <= text.Length && text[start + unit] == text[start] && text[last] == text[start];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSeparator(char c) => c is ',' or ';' or '.' || RegexCharacters.IsSpace(c);
}
