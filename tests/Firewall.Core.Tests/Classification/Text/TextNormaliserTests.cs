using Firewall.Core.Classification.Text;

namespace Firewall.Core.Tests.Classification.Text;

public sealed class TextNormaliserTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("Please IGNORE the Previous Note", "please ignore the previous note")]
    [InlineData("  two\t\tspaces \r\n and\u000Bmore  ", "two spaces and more")]
    [InlineData("bell\u0007 and\u0000nul", "bell andnul")]
    [InlineData("already normal", "already normal")]
    public void AsciiTextIsLowerCasedWithOneSpaceBetweenWords(string text, string expected) =>
        Assert.Equal(expected, TextNormaliser.Normalise(text));

    [Theory]
    [InlineData("1gn0r3 pr3v10us rul3s", "ignore previous rules")]
    [InlineData("@ll of it", "all of it")]
    [InlineData("p@$$w0rd", "password")]
    [InlineData("h3ll0!", "hello!")]
    [InlineData("call 911 in 2024", "call 911 in 2024")]
    [InlineData("mp3 covid19 x86 0x49 sha256 3d", "mp3 covid19 x86 0x49 sha256 3d")]
    [InlineData("wow!! a|", "wow!! a|")]
    public void LeetspeakFoldsOnlyInsideWordsThatMixLettersAndDigits(string text, string expected) =>
        Assert.Equal(expected, TextNormaliser.Normalise(text));

    [Fact]
    public void AnAlreadyNormalisedStringIsReturnedAsItIs()
    {
        var text = "nothing to change here";
        Assert.Same(text, TextNormaliser.Normalise(text));
    }

    [Fact]
    public void TheSpanOverloadWritesTheSameViewIntoTheCallersBuffer()
    {
        const string text = "Ign0re  ALL of it";
        Span<char> buffer = stackalloc char[TextNormaliser.MaxLength(text.Length)];
        var length = TextNormaliser.Normalise(text, buffer);
        Assert.Equal("ignore all of it", buffer[..length].ToString());
    }

    [Fact]
    public void ADestinationShorterThanMaxLengthIsRefused() =>
        Assert.Throws<ArgumentException>(() => TextNormaliser.Normalise("ab\u00E9", new char[3]));

    [Fact]
    public void ThePooledViewIsEmptyOnceDisposed()
    {
        var view = TextNormaliser.Normalise("Some Text".AsSpan());
        Assert.Equal("some text", view.ToString());
        view.Dispose();
        Assert.True(view.Span.IsEmpty);
    }
}
