using System.Text;
using Firewall.Api.Http;
using Firewall.Api.Ingest;

namespace Firewall.Api.Tests;

/// <summary>The batch splitter's fast path against what the strict deserializer made of the same bodies.</summary>
public sealed class BatchItemsTests
{
    [Fact]
    public void ItemsAreTheirBytesAsSentInOrder()
    {
        var body = """ { "events" : [ {"type": "other", "n": [1, {"x": "y"}]} , null, 7, "\u00e9" ] } """;

        var items = BatchItems.Read(Encoding.UTF8.GetBytes(body));

        Assert.Equal(
            ["""{"type": "other", "n": [1, {"x": "y"}]}""", "null", "7", "\"\\u00e9\""],
            items.Select(i => Encoding.UTF8.GetString(i.Utf8Json.Span)));
        Assert.All(items, i => Assert.True(i.IsText));
    }

    [Theory]
    [InlineData("""{"events": [{"content": "\ud800"}]}""")]
    [InlineData("""{"events": [{"\udc00": 1}]}""")]
    [InlineData("""{"events": ["\ud800\ud800"]}""")]
    public void AnItemWithAStringThatIsNotTextIsLeftToTheStrictRead(string body)
    {
        var item = Assert.Single(BatchItems.Read(Encoding.UTF8.GetBytes(body)));

        Assert.False(item.IsText);
        Assert.Throws<RequestValidationException>(item.Read);
    }

    [Fact]
    public void InvalidUtf8InOneItemDoesNotMarkItsNeighbours()
    {
        var body = Encoding.UTF8.GetBytes("""{"events": [{"content": "ok"}, {"content": "XX"}, {"content": "ok"}]}""");
        var bad = Array.IndexOf(body, (byte)'X');
        body[bad] = 0xC3;
        body[bad + 1] = 0x28; // a lead byte followed by one that cannot continue it

        var items = BatchItems.Read(body);

        Assert.Equal([true, false, true], items.Select(i => i.IsText));
    }

    [Theory]
    [InlineData("""{"events": [{}], "extra": 1}""", "extra")]
    [InlineData("""{"events": [{}], "events": [{}]}""", "events")]
    [InlineData("""{"events": {}}""", "events")]
    [InlineData("""{"events": []}""", "events")]
    [InlineData("""{}""", "events")]
    [InlineData("""[{"events": []}]""", "body")]
    [InlineData("""{"events": [{}]} trailing""", "body")]
    public void AnyOtherShapeIsAnsweredByTheStrictDeserializer(string body, string field)
    {
        var invalid = Assert.Throws<RequestValidationException>(() => BatchItems.Read(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(field, invalid.Errors.Keys);
    }
}
