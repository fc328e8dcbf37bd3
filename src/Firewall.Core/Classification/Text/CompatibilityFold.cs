using System.Collections.Frozen;
using System.Globalization;

namespace Firewall.Core.Classification.Text;

/// <summary>
/// The part of Unicode NFKC that turns look-alike forms into Latin letters and digits (full-width, mathematical,
/// circled, squared, superscript, small and letterlike forms, Roman numerals, ligatures), plus the removal of
/// diacritics from precomposed Latin letters (<c>ï</c> → <c>i</c>, as the combining marks of a decomposed one are
/// dropped). Our own table rather than <see cref="string.Normalize(System.Text.NormalizationForm)"/>: the service runs
/// with InvariantGlobalization (no ICU in the chiseled image), where Normalize leaves non-ASCII text unchanged, and a
/// table in the code gives the same view, hence the same model features, on every machine. Outputs are lower case ASCII.
/// </summary>
internal static class CompatibilityFold
{
    /// <summary>The most characters one UTF-16 code unit folds to (Ⅷ → viii).</summary>
    public const int MaxExpansion = 4;

    // U+0020..U+007E with letters in lower case: full-width forms and single letters and digits are slices of it.
    private const string Printable = " !\"#$%&'()*+,-./0123456789:;<=>?@abcdefghijklmnopqrstuvwxyz[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

    // Base letter of each precomposed letter of U+00C0..U+024F and U+1E00..U+1EFF ('.' = none), generated from the
    // first character of its canonical decomposition (NFD).
    private const string LatinBase =
        "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.yaaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll....nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.................................oo.............uu............................aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa....aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............................";

    private const string LatinExtendedAdditionalBase =
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

    // The remaining NFKC mappings of Latin-1, spacing modifiers, phonetic extensions, super- and subscripts, letterlike
    // symbols and number forms to ASCII letters and digits, generated from Unicode 14 data: each entry is the character
    // followed by what it folds to. The Kelvin and Angstrom signs are added by hand (NFKC maps them to K and Å).
    private const string Mappings =
        "ªa ²2 ³3 ¹1 ºo Ĳij ĳij ſs Ǉlj ǈlj ǉlj Ǌnj ǋnj ǌnj Ǳdz ǲdz ǳdz ʰh ʲj ʳr ʷw ʸy ˡl ˢs ˣx ᴬa ᴮb ᴰd ᴱe ᴳg ᴴh ᴵi ᴶj ᴷk ᴸl " +
        "ᴹm ᴺn ᴼo ᴾp ᴿr ᵀt ᵁu ᵂw ᵃa ᵇb ᵈd ᵉe ᵍg ᵏk ᵐm ᵒo ᵖp ᵗt ᵘu ᵛv ᵢi ᵣr ᵤu ᵥv ᶜc ᶠf ᶻz ⁰0 ⁱi ⁴4 ⁵5 ⁶6 ⁷7 ⁸8 ⁹9 ⁿn " +
        "₀0 ₁1 ₂2 ₃3 ₄4 ₅5 ₆6 ₇7 ₈8 ₉9 ₐa ₑe ₒo ₓx ₕh ₖk ₗl ₘm ₙn ₚp ₛs ₜt ₨rs ℂc ℊg ℋh ℌh ℍh ℎh ℐi ℑi ℒl ℓl ℕn №no ℙp " +
        "ℚq ℛr ℜr ℝr ℠sm ℡tel ™tm ℤz ℨz \u212Ak \u212Ba ℬb ℭc ℯe ℰe ℱf ℳm ℴo ℹi ℻fax ⅅd ⅆd ⅇe ⅈi ⅉj Ⅰi Ⅱii Ⅲiii Ⅳiv Ⅴv Ⅵvi Ⅶvii " +
        "Ⅷviii Ⅸix Ⅹx Ⅺxi Ⅻxii Ⅼl Ⅽc Ⅾd Ⅿm ⅰi ⅱii ⅲiii ⅳiv ⅴv ⅵvi ⅶvii ⅷviii ⅸix ⅹx ⅺxi ⅻxii ⅼl ⅽc ⅾd ⅿm ⱼj ⱽv ꟲc ꟳf ꟴq";

    private static readonly FrozenDictionary<int, string> Table = Mappings.Split(' ').ToFrozenDictionary(e => (int)e[0], e => e[1..]);

    private static readonly string[] Ligatures = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];

    private static readonly string[] OneToTwenty = [.. Enumerable.Range(1, 20).Select(n => n.ToString(CultureInfo.InvariantCulture))];

    /// <summary>What <paramref name="codePoint"/> folds to, or empty when it stays as it is.</summary>
    public static ReadOnlySpan<char> Fold(int codePoint) => codePoint switch
    {
        >= 0xC0 and <= 0x24F when Table.TryGetValue(codePoint, out var mapped) => mapped,
        >= 0xC0 and <= 0x24F => Base(LatinBase, codePoint - 0xC0),
        >= 0x1E00 and <= 0x1EFF => Base(LatinExtendedAdditionalBase, codePoint - 0x1E00),
        >= 0x2460 and <= 0x249B => OneToTwenty[(codePoint - 0x2460) % 20], // circled, parenthesised, with full stop
        >= 0x249C and <= 0x24B5 => Letter(codePoint - 0x249C), // parenthesised small letters
        >= 0x24B6 and <= 0x24E9 => Letter((codePoint - 0x24B6) % 26), // circled letters
        0x24EA => Digit(0),
        >= 0xFB00 and <= 0xFB06 => Ligatures[codePoint - 0xFB00],
        >= 0xFF01 and <= 0xFF5E => Printable.AsSpan(codePoint - 0xFF00, 1), // full-width ASCII
        >= 0x1D400 and <= 0x1D6A3 => Letter((codePoint - 0x1D400) % 26), // mathematical letters: 52 per style
        0x1D6A4 => "i",
        0x1D6A5 => "j",
        >= 0x1D7CE and <= 0x1D7FF => Digit((codePoint - 0x1D7CE) % 10), // mathematical digits
        >= 0x1F130 and <= 0x1F189 when (codePoint - 0x1F130) % 0x20 < 26 => Letter((codePoint - 0x1F130) % 0x20), // squared, negative
        >= 0x1F1E6 and <= 0x1F1FF => Letter(codePoint - 0x1F1E6), // regional indicators
        >= 0x1FBF0 and <= 0x1FBF9 => Digit(codePoint - 0x1FBF0), // segmented digits
        _ => Table.TryGetValue(codePoint, out var other) ? other : [],
    };

    private static ReadOnlySpan<char> Base(string table, int index) => table[index] == '.' ? [] : table.AsSpan(index, 1);

    private static ReadOnlySpan<char> Letter(int index) => Printable.AsSpan('a' - ' ' + index, 1);

    private static ReadOnlySpan<char> Digit(int index) => Printable.AsSpan('0' - ' ' + index, 1);
}
