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
}
