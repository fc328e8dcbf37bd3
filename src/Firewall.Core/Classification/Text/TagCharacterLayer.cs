namespace Firewall.Core.Classification.Text;

/// <summary>
/// Unicode tag characters U+E0020..U+E007E: invisible, yet each stands for the ASCII character 0xE0000 below it, a
/// known way to smuggle an instruction past a reader. The normaliser drops them as format characters; this layer reads them.
/// </summary>
internal static class TagCharacterLayer
{
    public const int MinCharacters = 4;

    private const char HighSurrogate = '\uDB40';

    public static string? Decode(ReadOnlySpan<char> text)
    {
        var first = text.IndexOf(HighSurrogate);
        if (first < 0)
        {
            return null;
        }

        var decoded = new char[Math.Min((text.Length - first) / 2, DecodedViews.MaxViewLength)];
        var written = 0;
        for (var i = first; i + 1 < text.Length && written < decoded.Length; i++)
        {
            if (text[i] == HighSurrogate && text[i + 1] is >= '\uDC20' and <= '\uDC7E')
            {
                decoded[written++] = (char)(text[i + 1] - '\uDC00');
                i++;
            }
        }

        return written >= MinCharacters ? new string(decoded, 0, written) : null;
    }
}
