namespace Firewall.Core.Classification.Text;

/// <summary>
/// Percent-encoding used to hide words: a text with at least 3 escapes of letters or digits (<c>%69%67</c>), which a
/// URL never needs to escape, is unescaped (at most its first <see cref="DecodedViews.MaxViewLength"/> characters).
/// </summary>
internal static class UrlLayer
{
    public const int MinEscapedAlphanumerics = 3;

    public static string? Decode(ReadOnlySpan<char> text)
    {
        var escaped = 0;
        var index = text.IndexOf('%');
        while (index >= 0 && escaped < MinEscapedAlphanumerics)
        {
            if (HexByte.TryRead(text, index + 1, out var value) && char.IsAsciiLetterOrDigit((char)value))
            {
                escaped++;
            }

            var next = text[(index + 1)..].IndexOf('%');
            index = next < 0 ? -1 : index + 1 + next;
        }

        return escaped < MinEscapedAlphanumerics ? null : Uri.UnescapeDataString(text[..Math.Min(text.Length, DecodedViews.MaxViewLength)]);
    }
}
