using System.Text;

namespace Firewall.Core.Classification.Text;

/// <summary>
/// The text behind encodings an attacker uses to slip words past a detector, each a normalised view scanned beside the
/// text: ASCII hidden in invisible characters (tag characters, variation selectors, "sneaky bits"), base64, hex,
/// percent-encoding, Morse, and ROT13 or reversed text when only the transformed text reads as English. Bounded: at most <see cref="MaxViews"/> views of at most
/// <see cref="MaxViewLength"/> characters, layers nested at most <see cref="MaxDepth"/> deep (hex inside base64), each
/// layer one linear scan of its input; a text with nothing to decode yields no view and allocates nothing.
/// </summary>
public static class DecodedViews
{
    public const int MaxViews = 4;
    public const int MaxViewLength = 4096;
    public const int MaxDepth = 2;

    /// <summary>The decoded views of <paramref name="text"/> (the original, not its normalised view: base64 is case-sensitive).</summary>
    public static IReadOnlyList<DecodedView> Find(ReadOnlySpan<char> text)
    {
        List<DecodedView>? views = null;
        Collect(text, DecodingKind.None, 1, ref views);
        // Not [] : as an IReadOnlyList the empty collection expression allocates a wrapper on every call.
        return views is null ? Array.Empty<DecodedView>() : views;
    }

    private static void Collect(ReadOnlySpan<char> text, DecodingKind within, int depth, ref List<DecodedView>? views)
    {
        if (!Ascii.IsValid(text))
        {
            // Invisible characters are all outside ASCII: one vectorised check spares their three scans.
            Add(DecodingKind.TagCharacters, TagCharacterLayer.Decode, text, within, depth, ref views);
            Add(DecodingKind.VariantSelectors, VariantSelectorLayer.Decode, text, within, depth, ref views);
            Add(DecodingKind.SneakyBits, SneakyBitsLayer.Decode, text, within, depth, ref views);
        }

        Add(DecodingKind.Base64, Base64Layer.Decode, text, within, depth, ref views);
        Add(DecodingKind.Hex, HexLayer.Decode, text, within, depth, ref views);
        Add(DecodingKind.Url, UrlLayer.Decode, text, within, depth, ref views);
        Add(DecodingKind.Morse, MorseLayer.Decode, text, within, depth, ref views);
        if (IsFull(views))
        {
            return;
        }

        var english = EnglishScore.Of(text);
        if (english.Rot13Reads)
        {
            Add(DecodingKind.Rot13, ScrambledText.Rot13, text, within, depth, ref views);
        }

        if (english.ReversedReads)
        {
            Add(DecodingKind.Reversed, ScrambledText.Reverse, text, within, depth, ref views);
        }
    }

    private static void Add(DecodingKind kind, Layer layer, ReadOnlySpan<char> text, DecodingKind within, int depth, ref List<DecodedView>? views)
    {
        if (IsFull(views) || layer(text) is not { } decoded)
        {
            return;
        }

        (views ??= []).Add(new DecodedView(kind, within, TextNormaliser.Normalise(decoded)));
        if (depth < MaxDepth)
        {
            Collect(decoded, kind, depth + 1, ref views);
        }
    }

    private static bool IsFull(List<DecodedView>? views) => views?.Count >= MaxViews;

    private delegate string? Layer(ReadOnlySpan<char> text);
}
