using System.IO.Compression;
using System.Text;
using Firewall.Api.Caching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Firewall.Api.Tests;

/// <summary>What a cached answer keeps: a tag of its bytes, weakly matched by If-None-Match, and compressed copies of the same bytes.</summary>
public sealed class CachedAnswerTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes("""{"items":[{"id":7,"content":"a page, a page, a page of the same words"}],"nextCursor":null}""");

    [Fact]
    public void The_tag_is_weak_and_the_same_for_the_same_bytes_only()
    {
        var tag = new CachedAnswer(Page).EntityTag;

        Assert.StartsWith("W/\"", tag, StringComparison.Ordinal);
        Assert.Equal(tag, new CachedAnswer([.. Page]).EntityTag);
        Assert.NotEqual(tag, new CachedAnswer([.. Page, (byte)' ']).EntityTag);
    }

    [Fact]
    public void If_none_match_names_the_answer_by_its_tag_weak_or_strong_in_a_list_or_as_a_star()
    {
        var answer = new CachedAnswer(Page);
        var opaque = answer.EntityTag[2..];

        Assert.True(answer.IsNamedBy(answer.EntityTag));
        Assert.True(answer.IsNamedBy(opaque));
        Assert.True(answer.IsNamedBy($"\"other\", {answer.EntityTag}"));
        Assert.True(answer.IsNamedBy("*"));
        Assert.False(answer.IsNamedBy("W/\"other\""));
        Assert.False(answer.IsNamedBy(default));
    }

    [Fact]
    public void A_compressed_copy_decompresses_to_the_body_and_is_made_once()
    {
        var answer = new CachedAnswer(Page);
        var gzip = new GzipCompressionProvider(Options.Create(new GzipCompressionProviderOptions { Level = CompressionLevel.Fastest }));
        var brotli = new BrotliCompressionProvider(Options.Create(new BrotliCompressionProviderOptions { Level = CompressionLevel.Fastest }));

        var zipped = answer.EncodedWith(gzip);
        var brotlied = answer.EncodedWith(brotli);

        Assert.Equal(Page, Decompress(new GZipStream(new MemoryStream(zipped), CompressionMode.Decompress)));
        Assert.Equal(Page, Decompress(new BrotliStream(new MemoryStream(brotlied), CompressionMode.Decompress)));
        Assert.Same(zipped, answer.EncodedWith(gzip));
    }

    private static byte[] Decompress(Stream decompressing)
    {
        using var output = new MemoryStream();
        using (decompressing)
        {
            decompressing.CopyTo(output);
        }

        return output.ToArray();
    }
}
