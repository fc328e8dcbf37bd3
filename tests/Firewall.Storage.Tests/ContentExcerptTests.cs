using Firewall.Storage.Data;

namespace Firewall.Storage.Tests;

public sealed class ContentExcerptTests
{
    [Fact]
    public void Content_of_at_most_256_characters_is_its_own_excerpt()
    {
        var content = new string('x', ContentExcerpt.MaxCharacters);

        Assert.Equal((content, false), ContentExcerpt.Of(content));
        Assert.Equal((null, false), ContentExcerpt.Of(null));
    }

    [Fact]
    public void Longer_content_is_cut_after_256_characters()
    {
        var content = new string('x', 256) + "tail";

        Assert.Equal((new string('x', 256), true), ContentExcerpt.Of(content));
    }

    [Fact]
    public void Characters_outside_the_basic_plane_count_once_and_are_never_split()
    {
        // 255 letters then an emoji (two UTF-16 units): 256 characters in 257 units, kept whole.
        var upToTheEmoji = new string('x', 255) + "\U0001F600";

        Assert.Equal((upToTheEmoji, false), ContentExcerpt.Of(upToTheEmoji));
        Assert.Equal((upToTheEmoji, true), ContentExcerpt.Of(upToTheEmoji + "y"));
        Assert.Equal((new string('x', 256), true), ContentExcerpt.Of(new string('x', 256) + "\U0001F600"));
    }
}
