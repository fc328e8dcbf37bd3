using Firewall.Core.Classification.Model;

namespace Firewall.Core.Tests.Classification.Model;

public sealed class ConceptLexiconTests
{
    private static ConceptLexicon Parse(string text) => ConceptLexicon.Parse(new StringReader(text));

    [Fact]
    public void Classes_are_numbered_in_order_of_first_appearance_and_may_take_several_lines()
    {
        var lexicon = Parse("""
            # a comment
            FORGET: forget drop   # trailing comment

            RULES: rules
            FORGET: olvida
            """);

        Assert.Equal(["FORGET", "RULES"], lexicon.ClassNames);
        Assert.Equal(4, lexicon.WordCount);
        Assert.Equal("FORGET", lexicon.ClassOf("olvida"));
        Assert.Equal("RULES", lexicon.ClassOf("rules"));
        Assert.Null(lexicon.ClassOf("weather"));
    }

    [Theory]
    [InlineData("FORGET: Forget", "line 1")] // not lower case: the view never holds it
    [InlineData("FORGET: oublié", "line 1")] // diacritics: the view drops them
    [InlineData("\nFORGET: don't", "line 2")] // two words to the features
    [InlineData("forget: forget", "line 1")] // class names are upper case
    [InlineData("forget forget", "line 1")] // no class
    [InlineData("A: forget\nB: forget", "already in class A")]
    public void A_malformed_lexicon_is_refused_naming_the_line(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_word_twice_in_one_class_is_one_entry() =>
        Assert.Equal(1, Parse("A: forget\nA: forget").WordCount);

    [Fact]
    public void The_embedded_lexicon_loads_with_its_classes_across_languages()
    {
        var lexicon = ConceptLexicon.Embedded;

        Assert.InRange(lexicon.ClassNames.Count, 20, 30);
        Assert.InRange(lexicon.WordCount, 300, 1500);
        Assert.All(["ignore", "olvida", "oubliez", "vergiss", "esqueca", "dimentica", "negeer"], w => Assert.Equal("DISREGARD", lexicon.ClassOf(w)));
        Assert.All(["password", "contrasena", "passwort", "senha", "wachtwoord"], w => Assert.Equal("SECRET", lexicon.ClassOf(w)));
    }
}
