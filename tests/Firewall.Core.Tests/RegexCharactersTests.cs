using System.Text.RegularExpressions;
using Firewall.Core.Classification;

namespace Firewall.Core.Tests;

/// <summary>The scanners' character classes are the regex engine's, on every UTF-16 character.</summary>
public sealed class RegexCharactersTests
{
    private static readonly Regex Word = new(@"^\w$", RegexOptions.CultureInvariant);
    private static readonly Regex Digit = new(@"^\d$", RegexOptions.CultureInvariant);
    private static readonly Regex Space = new(@"^\s$", RegexOptions.CultureInvariant);
    private static readonly Regex BoundaryAfterSpace = new(@"^ \b", RegexOptions.CultureInvariant);

    [Fact]
    public void EveryCharacterIsClassedAsTheRegexEngineClassesIt()
    {
        var differences = new List<string>();
        for (var c = (char)0; ; c++)
        {
            var text = c.ToString();
            Check(c, @"\w", Word.IsMatch(text), RegexCharacters.IsWordChar(c));
            Check(c, @"\d", Digit.IsMatch(text), char.IsDigit(c));
            Check(c, @"\s", Space.IsMatch(text), RegexCharacters.IsSpace(c));
            Check(c, @"\b", BoundaryAfterSpace.IsMatch(" " + text), RegexCharacters.IsBoundaryWordChar(c));
            if (c == char.MaxValue)
            {
                break;
            }
        }

        Assert.Empty(differences);

        void Check(char c, string what, bool engine, bool ours)
        {
            if (engine != ours)
            {
                differences.Add($"U+{(int)c:X4} {what}: engine {engine}");
            }
        }
    }

    [Theory]
    [InlineData("", 0, false)]
    [InlineData("a", 0, true)]
    [InlineData("a", 1, true)]
    [InlineData("ab", 1, false)]
    [InlineData("a-", 1, true)]
    [InlineData("a\u200D", 1, false)]
    [InlineData("- ", 1, false)]
    public void ABoundaryIsWhereWordAndNonWordMeet(string text, int index, bool boundary) =>
        Assert.Equal(boundary, RegexCharacters.IsBoundary(text, index));
}
