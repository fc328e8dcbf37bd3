using CsCheck;
using Firewall.Core.Classification.Text;

namespace Firewall.Core.Tests.Classification.Text;

/// <summary>Laws of the normalised view over random mixtures of the characters each step handles.</summary>
public sealed class TextNormaliserPropertyTests
{
    // ASCII letters, digits, leet symbols and punctuation; whitespace and controls; Cyrillic, Greek and Armenian letters
    // that look Latin and some that do not; marks; format characters; compatibility forms; lone and paired surrogates.
    private const string Pool =
        "aBcIgnOrE019345@$!|.,- \t\n\u0007\u0430\u0410\u043E\u0412\u0432\u0436\u0416\u039F\u03BF\u0397\u03B7\u03C5\u03A5\u0585" +
        "\u0301\u0336\u093F\u0915\u200B\u202E\u00AD\uFF21\uFF41\u2167\u212A\u00C9\u00EF\u00A0\u3000\u1D00\u0142\uD800\uDC00";

    private static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.Char[Pool].Array[0, 40].Select(chars => new string(chars))),
        (1, Gen.String));

    private static readonly Gen<string> AsciiText = Gen.Char["aBcZ019345@$!|.,-  \t\n\r\u0000\u001F\u007F"].Array[0, 40].Select(chars => new string(chars));

    [Fact]
    public void TheAsciiFastPathAgreesWithTheUnicodePath() =>
        AsciiText.Sample(text => TextNormaliser.Normalise(text) == TextNormaliser.Normalise(text + "\u200B"));

    [Fact]
    public void NormalisingTwiceIsNormalisingOnce() =>
        Text.Sample(text =>
        {
            var once = TextNormaliser.Normalise(text);
            return TextNormaliser.Normalise(once) == once;
        });

    [Fact]
    public void TheViewHasNoUpperCaseAsciiAndNoSpaceAtAnEndOrTwice() =>
        Text.Sample(text =>
        {
            var view = TextNormaliser.Normalise(text);
            return !view.Any(char.IsAsciiLetterUpper) && !view.StartsWith(' ') && !view.EndsWith(' ') && !view.Contains("  ", StringComparison.Ordinal);
        });

    [Fact]
    public void EveryOverloadWritesTheSameViewWithinMaxLength() =>
        Text.Sample(text =>
        {
            var destination = new char[TextNormaliser.MaxLength(text.Length)];
            var length = TextNormaliser.Normalise(text, destination);
            using var pooled = TextNormaliser.Normalise(text.AsSpan());
            return pooled.Span.SequenceEqual(destination.AsSpan(0, length)) && TextNormaliser.Normalise(text) == pooled.ToString();
        });
}
