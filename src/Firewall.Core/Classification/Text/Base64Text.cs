namespace Firewall.Core.Classification.Text;

/// <summary>Decodes a base64 run whose padding may be missing (<c>aGk</c> as <c>aGk=</c>).</summary>
internal static class Base64Text
{
    public static int MaxDecodedLength(int runLength) => (runLength + 3) / 4 * 3;

    /// <summary>Decodes <paramref name="run"/> into <paramref name="destination"/>, at least <see cref="MaxDecodedLength"/> long.</summary>
    public static bool TryDecode(ReadOnlySpan<char> run, Span<byte> destination, out int written)
    {
        var whole = run.Length / 4 * 4;
        if (!Convert.TryFromBase64Chars(run[..whole], destination, out written))
        {
            return false;
        }

        var tail = run[whole..];
        if (tail.IsEmpty)
        {
            return true;
        }

        Span<char> quad = ['=', '=', '=', '='];
        tail.CopyTo(quad);
        if (!Convert.TryFromBase64Chars(quad, destination[written..], out var last))
        {
            return false;
        }

        written += last;
        return true;
    }
}
