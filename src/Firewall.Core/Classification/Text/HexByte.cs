namespace Firewall.Core.Classification.Text;

/// <summary>One byte written as two hex digits, as the hex and URL layers read it.</summary>
internal static class HexByte
{
    public static bool TryRead(ReadOnlySpan<char> text, int at, out byte value)
    {
        value = 0;
        if (at + 1 >= text.Length || !char.IsAsciiHexDigit(text[at]) || !char.IsAsciiHexDigit(text[at + 1]))
        {
            return false;
        }

        value = (byte)((Digit(text[at]) << 4) | Digit(text[at + 1]));
        return true;
    }

    private static int Digit(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
