using Firewall.Core.Classification.Text;

namespace Firewall.Core.Tests.Classification.Text;

/// <summary>Each step of the normalised view on the disguises it exists for, written as escapes so the test reads plainly.</summary>
public sealed class TextNormaliserUnicodeTests
{
    [Theory]
    [InlineData("\uFF29\uFF27\uFF2E\uFF2F\uFF32\uFF25 \uFF11\uFF12", "ignore 12")] // full-width
    [InlineData("\U0001D422\U0001D420\U0001D427\U0001D428\U0001D42B\U0001D41E \U0001D7CF", "ignore 1")] // mathematical bold
    [InlineData("\U0001D4D8\U0001D4F0", "ig")] // mathematical bold script capital and small
    [InlineData("\u24D8\u24D6\u24DD\u24DE\u24E1\u24D4 \u2462", "ignore 3")] // circled
    [InlineData("\U0001F1EE\U0001F1EC\U0001F1F3", "ign")] // regional indicators
    [InlineData("\U0001F170\U0001F131", "ab")] // negative and plain squared letters
    [InlineData("\uFB01le \uFB00", "file ff")] // ligatures
    [InlineData("x\u00B2 \u1D43\u1D47\u1D9C", "x2 abc")] // superscripts and modifier letters
    [InlineData("chapter \u2167", "chapter viii")] // Roman numeral
    [InlineData("\u212A\u212Bm", "kam")] // Kelvin and Angstrom signs
    public void CompatibilityFormsFoldToLatinLettersAndDigits(string text, string expected) =>
        Assert.Equal(expected, TextNormaliser.Normalise(text));

    [Theory]
    [InlineData("ig\u200Bno\u200Dre al\u00ADl", "ignore all")] // zero-width space and joiner, soft hyphen
    [InlineData("\u202Eabc\u202C \u2066def\u2069", "abc def")] // bidirectional overrides and isolates
    [InlineData("\uFEFFtext", "text")] // byte order mark
    [InlineData("a\U000E0041\U000E0042b", "ab")] // tag characters
    public void FormatCharactersAreRemoved(string text, string expected) =>
        Assert.Equal(expected, TextNormaliser.Normalise(text));

    [Theory]
    [InlineData("i\u0308g\u0308n\u0301o\u0303r\u0300e", "ignore")] // decomposed diacritics
    [InlineData("a\u0336b\u0336c\u0489", "abc")] // strike-through and enclosing marks
    [InlineData("\u00EFgn\u00F6r\u00EB \u00C9T\u00C9 \u1EF3", "ignore ete y")] // precomposed
    [InlineData("\u0915\u093F", "\u0915\u093F")] // Devanagari keeps its vowel sign
    public void MarksOnLatinLettersAreRemovedAndOtherScriptsKeepTheirs(string text, string expected) =>
        Assert.Equal(expected, TextNormaliser.Normalise(text));

    [Theory]
    [InlineData("ign\u043Er\u0435", "ignore")] // Cyrillic o and e among Latin letters
    [InlineData("\u0410\u0421\u0415 \u0391\u0392\u0395", "ace abe")] // words spelt entirely with look-alikes
    [InlineData("\u1D00\u029F\u029F", "all")] // small capitals
    [InlineData("\u0440\u0430\u0441\u0441\u043A\u0430\u0437", "\u0440\u0430\u0441\u0441\u043A\u0430\u0437")] // a Russian word stays
    [InlineData("\u039A\u03B1\u03BB\u03B7\u03BC\u03AD\u03C1\u03B1", "\u03BA\u03B1\u03BB\u03B7\u03BC\u03AD\u03C1\u03B1")] // a Greek word is only lower-cased
    public void LookAlikeLettersFoldOnlyInWordsThatReadAsLatin(string text, string expected) =>
        Assert.Equal(expected, TextNormaliser.Normalise(text));

    [Theory]
    [InlineData("a\u00A0\u2003\u3000b\u2028c", "a b c")]
    [InlineData("\u2003 lead and trail \u00A0", "lead and trail")]
    [InlineData("a \u200B b", "a b")]
    public void UnicodeWhitespaceCollapsesToOneSpace(string text, string expected) =>
        Assert.Equal(expected, TextNormaliser.Normalise(text));

    [Fact]
    public void LoneSurrogatesAreDropped()
    {
        // Built in code: attribute arguments cannot carry ill-formed UTF-16.
        Assert.Equal("ab", TextNormaliser.Normalise("a\uD800b"));
        Assert.Equal(string.Empty, TextNormaliser.Normalise("\uDC00"));
        Assert.Equal("x", TextNormaliser.Normalise("x\uDBFF"));
        Assert.Equal("\U0001F600", TextNormaliser.Normalise("\uDC00\uD800 \U0001F600"));
    }

    [Fact]
    public void TheOriginalTextIsNeverChanged()
    {
        var original = "IGN\u043ERE \uFF21\u200B 1gn0r3";
        var copy = new string(original);
        _ = TextNormaliser.Normalise(original);
        using (TextNormaliser.Normalise(original.AsSpan()))
        {
            Assert.Equal(copy, original);
        }
    }

    [Fact]
    public void EveryBasicPlaneCharacterNormalisesToAFixedPointInEveryContext()
    {
        string[] contexts = ["{0}", "x{0}", "{0}\u0436", "1{0}3", "\u0410{0}\u0301", "{0}{0} z"];
        var unstable = new List<string>();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            foreach (var context in contexts)
            {
                var once = TextNormaliser.Normalise(context.Replace("{0}", ((char)c).ToString(), StringComparison.Ordinal));
                if (once != TextNormaliser.Normalise(once))
                {
                    unstable.Add($"U+{c:X4} in {context}");
                }
            }
        }

        Assert.Empty(unstable);
    }
}
