namespace Firewall.Core.Classification.Text;

/// <summary>A layer of encoding that a decoded view undid.</summary>
public enum DecodingKind
{
    None,
    Base64,
    Hex,
    Url,
    Morse,
    Rot13,
    Reversed,

    /// <summary>Unicode tag characters (U+E0020..U+E007E), invisible copies of ASCII.</summary>
    TagCharacters,

    /// <summary>Bytes as variation selectors (U+FE00..U+FE0F, U+E0100..U+E01EF) after a visible character.</summary>
    VariantSelectors,

    /// <summary>ASCII as seven bits of U+2062 and U+2064, words split by U+200B.</summary>
    SneakyBits,
}
