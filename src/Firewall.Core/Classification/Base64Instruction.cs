using System.Text;
using Firewall.Core.Classification.Text;

namespace Firewall.Core.Classification;

/// <summary>Finds natural-language text smuggled as base64: binary payloads (images, keys) decode to non-text and are ignored.</summary>
public static class Base64Instruction
{
    private const int MinWords = 4;

    public static bool IsEncodedText(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var bytes = new byte[Base64Text.MaxDecodedLength(candidate.Length)];
        if (!Base64Text.TryDecode(candidate, bytes, out var written))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, written);
        int letters = 0, spaces = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c) || c is '\'' or ',' or '.' or '?' or '!')
            {
                letters++;
            }
            else if (c == ' ')
            {
                spaces++;
            }
        }

        return spaces >= MinWords - 1 && letters + spaces >= text.Length * 0.9;
    }
}
