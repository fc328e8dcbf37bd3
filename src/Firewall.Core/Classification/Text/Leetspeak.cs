namespace Firewall.Core.Classification.Text;

/// <summary>
/// Folds leetspeak inside words that mix letters with digits or symbols (<c>1gn0r3</c> → <c>ignore</c>,
/// <c>@ll</c> → <c>all</c>). Pure numbers, version-like suffixes (<c>mp3</c>, <c>covid19</c>), hex (<c>0x49</c>) and
/// trailing punctuation (<c>hello!</c>) stay: a token is folded only when a digit or symbol sits between two of its
/// letters or a symbol starts it, and every non-letter in it has a letter it stands for.
/// </summary>
internal static class Leetspeak
{
    /// <summary>Rewrites the tokens of one space-free word in place.</summary>
    public static void FoldWord(Span<char> word)
    {
        var start = 0;
        while (start < word.Length)
        {
            if (!IsTokenChar(word[start]))
            {
                start++;
                continue;
            }

            var end = start;
            while (end < word.Length && IsTokenChar(word[end]))
            {
                end++;
            }

            FoldToken(word[start..end]);
            start = end;
        }
    }

    private static void FoldToken(Span<char> token)
    {
        // Symbols at the end are punctuation ("wow!", "a|"), never letters.
        var length = token.Length;
        while (length > 0 && IsSymbol(token[length - 1]))
        {
            length--;
        }

        token = token[..length];
        int firstLetter = -1, lastLetter = -1;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (char.IsLetter(c))
            {
                firstLetter = firstLetter < 0 ? i : firstLetter;
                lastLetter = i;
            }
            else if (LetterFor(c) == '\0')
            {
                return;
            }
        }

        if (firstLetter < 0 || !(IsSymbol(token[0]) || HasNonLetterBetween(token, firstLetter, lastLetter)))
        {
            return;
        }

        foreach (ref var c in token)
        {
            if (!char.IsLetter(c))
            {
                c = LetterFor(c);
            }
        }
    }

    private static bool HasNonLetterBetween(ReadOnlySpan<char> token, int first, int last)
    {
        for (var i = first + 1; i < last; i++)
        {
            if (!char.IsLetter(token[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || IsSymbol(c);

    private static bool IsSymbol(char c) => c is '@' or '$' or '!' or '|';

    private static char LetterFor(char c) => c switch
    {
        '0' => 'o',
        '1' or '!' => 'i',
        '3' => 'e',
        '4' or '@' => 'a',
        '5' or '$' => 's',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        '|' => 'l',
        _ => '\0',
    };
}
