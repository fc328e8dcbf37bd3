using System.Buffers;
using System.Text.Unicode;

namespace Firewall.Core.Classification.Text;

/// <summary>
/// Whether decoded bytes are text rather than binary: valid UTF-8 (a sequence cut at the end is dropped), nine in ten
/// characters printable and four in ten letters or digits. Random bytes fail the first count, punctuation floods the second.
/// </summary>
internal static class ReadableText
{
    private const double MinPrintableShare = 0.9;
    private const double MinAlphanumericShare = 0.4;

    /// <summary>The text <paramref name="utf8"/> encodes when it is readable; no string is made when it is not.</summary>
    public static string? Decode(ReadOnlySpan<byte> utf8)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, utf8.Length));
        try
        {
            var status = Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false, isFinalBlock: false);
            var text = chars.AsSpan(0, written);
            return status is OperationStatus.Done or OperationStatus.NeedMoreData && IsReadable(text) ? text.ToString() : null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public static bool IsReadable(ReadOnlySpan<char> text)
    {
        int printable = 0, alphanumerics = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                alphanumerics++;
                printable++;
            }
            else if (c is ' ' or '\n' or '\r' or '\t' || !(char.IsControl(c) || char.IsSurrogate(c) || c == '\uFFFD'))
            {
                printable++;
            }
        }

        return text.Length > 0 && printable >= text.Length * MinPrintableShare && alphanumerics >= text.Length * MinAlphanumericShare;
    }
}
