namespace Firewall.Core.Redaction;

/// <summary>US Social Security numbers: the ranges the SSA never issues are not SSNs.</summary>
public static class UsSsn
{
    /// <summary>True for AAA-GG-SSSS (any separators) with area not 000, 666 or 900-999, group not 00 and serial not 0000.</summary>
    public static bool IsValid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        if (digits.Length != 9)
        {
            return false;
        }

        var area = int.Parse(digits.AsSpan(0, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        return area is not (0 or 666 or >= 900) && digits[3..5] != "00" && digits[5..] != "0000";
    }
}
