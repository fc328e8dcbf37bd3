namespace Firewall.Core.Redaction;

/// <summary>The Luhn mod-10 check of payment card numbers.</summary>
public static class Luhn
{
    /// <summary>True when the digits of <paramref name="text"/> (separators ignored) number 13 to 19 and pass the check.</summary>
    public static bool IsValidCardNumber(ReadOnlySpan<char> text)
    {
        int sum = 0, digits = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            var d = c - '0';
            if (digits++ % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
        }

        return digits is >= 13 and <= 19 && sum % 10 == 0;
    }
}
