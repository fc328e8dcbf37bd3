using System.Collections.Frozen;

namespace Firewall.Core.Classification.Text;

/// <summary>
/// How much a text, its ROT13 and its reversal read as English, counted in one pass as the share of its words (ASCII
/// letter runs) that are among the commonest short English words. Prose scores high as it is; ROT13 or reversed prose
/// scores high only once transformed. A word is packed into an int (5 bits a letter, up to 6 letters), so the look-ups
/// allocate nothing.
/// </summary>
internal readonly record struct EnglishScore(int Words, int Plain, int Rot13, int Reversed)
{
    private const int MaxPacked = 6;
    private const int MinHits = 3;

    private static readonly FrozenSet<int> Common = (
        "the of and to a in is you that it for was on are with as i his they be at one have this from or had by not but " +
        "what all were we when your can said there use an each which she do how their if will up other about out many " +
        "then them these so some her would make like him into time has look two more write go see no way could my than " +
        "first been call who its now find long down day did get come made may part over new after also back any only our " +
        "me must tell give say just now please ignore forget above rules system prompt secret reveal print answer").Split(' ').Select(Pack).ToFrozenSet();

    /// <summary>Whether the ROT13 of the text reads as English and the text does not.</summary>
    public bool Rot13Reads => Reads(Rot13);

    /// <summary>Whether the reversed text reads as English and the text does not.</summary>
    public bool ReversedReads => Reads(Reversed);

    public static EnglishScore Of(ReadOnlySpan<char> text)
    {
        int words = 0, plain = 0, rot13 = 0, reversed = 0;
        var index = 0;
        text = text[..Math.Min(text.Length, DecodedViews.MaxViewLength)];
        while (index < text.Length)
        {
            if (!char.IsAsciiLetter(text[index]))
            {
                index++;
                continue;
            }

            var end = index + 1;
            while (end < text.Length && char.IsAsciiLetter(text[end]))
            {
                end++;
            }

            var word = text[index..end];
            words++;
            if (word.Length <= MaxPacked)
            {
                plain += Common.Contains(Pack(word, rotate: false, reverse: false)) ? 1 : 0;
                rot13 += Common.Contains(Pack(word, rotate: true, reverse: false)) ? 1 : 0;
                reversed += Common.Contains(Pack(word, rotate: false, reverse: true)) ? 1 : 0;
            }

            index = end;
        }

        return new EnglishScore(words, plain, rot13, reversed);
    }

    private bool Reads(int hits) => hits >= MinHits && hits * 5 >= Words && hits > 2 * Plain;

    private static int Pack(string word) => Pack(word, rotate: false, reverse: false);

    private static int Pack(ReadOnlySpan<char> word, bool rotate, bool reverse)
    {
        var packed = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var letter = (word[reverse ? word.Length - 1 - i : i] | 0x20) - 'a';
            packed = (packed << 5) | ((rotate ? (letter + 13) % 26 : letter) + 1);
        }

        return packed;
    }
}
