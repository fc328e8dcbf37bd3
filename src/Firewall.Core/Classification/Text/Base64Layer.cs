using System.Buffers;

namespace Firewall.Core.Classification.Text;

/// <summary>Runs of at least 16 base64 characters that decode to readable UTF-8.</summary>
internal static class Base64Layer
{
    public const int MinRun = 16;

    // The longest prefix of a run decoded: whole quads worth at most MaxViewLength bytes.
    private const int MaxRunDecoded = DecodedViews.MaxViewLength / 3 * 4;

    public static string? Decode(ReadOnlySpan<char> text)
    {
        CappedText? decoded = null;
        var from = 0;
        while (decoded?.IsFull != true)
        {
            var start = Base64Run.Find(text, from, MinRun, out var length);
            if (start < 0)
            {
                break;
            }

            var piece = DecodeRun(text.Slice(start, Math.Min(length, MaxRunDecoded)));
            if (piece is not null)
            {
                (decoded ??= new CappedText()).Append(piece);
            }

            from = start + length;
        }

        return decoded?.ToString();
    }

    private static string? DecodeRun(ReadOnlySpan<char> run)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Base64Text.MaxDecodedLength(run.Length));
        try
        {
            return Base64Text.TryDecode(run, bytes, out var written) ? ReadableText.Decode(bytes.AsSpan(0, written)) : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
