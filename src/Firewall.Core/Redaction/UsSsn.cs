namespace Firewall.Core.Redaction;

/// <summary>US Social Security numbers: the ranges the SSA never issues are not SSNs.</summary>
public static class UsSsn
{
    /// <summary>True for AAA-GG-SSSS (any separators) with area not 000, 666 or 900-999, group not 00 and serial not 0000.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        Span<int> digits = stackalloc int[9];
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = c - '0';
            }
        }

        if (count != digits.Length)
        {
            return false;
        }

        var area = (digits[0] * 100) + (digits[1] * 10) + digits[2];
        var group = (digits[3] * 10) + digits[4];
        var serial = (digits[5] * 1000) + (digits[6] * 100) + (digits[7] * 10) + digits[8];
        return area is not (0 or 666 or >= 900) && group != 0 && serial != 0;
    }
}
