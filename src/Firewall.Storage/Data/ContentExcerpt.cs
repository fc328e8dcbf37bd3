namespace Firewall.Storage.Data;

/// <summary>
/// The start of an event's content that list rows carry (docs/API.md, "Page shape"): at most <see cref="MaxCharacters"/>
/// Unicode characters (code points, as PostgreSQL's <c>left()</c> counts them), never half of a surrogate pair.
/// </summary>
public static class ContentExcerpt
{
    public const int MaxCharacters = 256;

    /// <summary>The excerpt of <paramref name="content"/> and whether it is shorter than the content; null content has a null excerpt.</summary>
    public static (string? Text, bool Truncated) Of(string? content)
    {
        if (content is null || content.Length <= MaxCharacters)
        {
            return (content, false);
        }

        var end = 0;
        var characters = 0;
        foreach (var rune in content.EnumerateRunes())
        {
            if (characters == MaxCharacters)
            {
                return (content[..end], true);
            }

            end += rune.Utf16SequenceLength;
            characters++;
        }

        return (content, false);
    }
}
