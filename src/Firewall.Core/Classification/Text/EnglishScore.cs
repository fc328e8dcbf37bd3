namespace Firewall.Core.Classification.Text;

/// <summary>
/// How much a text, its ROT13 and its reversal read as English, counted in one pass as the share of its words (ASCII
/// letter runs) that are among the commonest English words of one to three letters, which make up about a third of
/// prose. Prose scores high as it is; ROT13 or reversed prose scores high only once transformed. A short word packs
/// into 15 bits (5 a letter), so each look-up is one bit of a 4 KiB table.
/// </summary>
internal readonly record struct EnglishScore(int Words, int Plain, int Rot13, int Reversed)
{
    private const int MaxPacked = 3;
    private const int MinHits = 3;

    private const string CommonWords =
        "a i an as at be by do go he if in is it me my no of on or so to up us we " +
        "all and any are but can day did for get had has her him his how its may new not now one our out say see she " +
        "the two use was way who why you";

    private static readonly ulong[] Common = BuildTable();

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

            words++;
            if (end - index <= MaxPacked)
            {
                int forward = 0, rotated = 0, backward = 0;
                for (var i = index; i < end; i++)
                {
                    var letter = (text[i] | 0x20) - 'a';
                    forward = (forward << 5) | (letter + 1);
                    rotated = (rotated << 5) | ((letter < 13 ? letter + 13 : letter - 13) + 1);
                    backward |= (letter + 1) << (5 * (i - index));
                }

                plain += IsCommon(forward);
                rot13 += IsCommon(rotated);
                reversed += IsCommon(backward);
            }

            index = end;
        }

        return new EnglishScore(words, plain, rot13, reversed);
    }

    private bool Reads(int hits) => hits >= MinHits && hits * 5 >= Words && hits > 2 * Plain;

    private static int IsCommon(int packed) => (int)(Common[packed >> 6] >> (packed & 63)) & 1;

    private static ulong[] BuildTable()
    {
        var table = new ulong[(1 << (5 * MaxPacked)) / 64];
        foreach (var word in CommonWords.Split(' '))
        {
            var packed = 0;
            foreach (var c in word)
            {
                packed = (packed << 5) | (c - 'a' + 1);
            }

            table[packed >> 6] |= 1UL << (packed & 63);
        }

        return table;
    }
}
