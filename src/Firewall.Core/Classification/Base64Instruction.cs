using System.Buffers;
using System.Text;
using Firewall.Core.Classification.Text;

namespace Firewall.Core.Classification;

/// <summary>Finds natural-language text smuggled as base64: binary payloads (images, keys) decode to non-text and are ignored.</summary>
public static class Base64Instruction
{
    private const int MinWords = 4;

    // Runs up to this many bytes decode on the stack; dense secrets hold dozens of key-like runs per text, each checked here.
    private const int StackBytes = 256;

    public static bool IsEncodedText(ReadOnlySpan<char> candidate)
    {
        var length = Base64Text.MaxDecodedLength(candidate.Length);
        byte[]? rentedBytes = null;
        char[]? rentedChars = null;
        Span<byte> bytes = length <= StackBytes ? stackalloc byte[StackBytes] : (rentedBytes = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            if (!Base64Text.TryDecode(candidate, bytes, out var written))
            {
                return false;
            }

            // UTF-8 decodes to at most one UTF-16 unit per byte; invalid bytes become U+FFFD, as a decoded string would hold.
            Span<char> chars = written <= StackBytes ? stackalloc char[StackBytes] : (rentedChars = ArrayPool<char>.Shared.Rent(written));
            return IsSentence(chars[..Encoding.UTF8.GetChars(bytes[..written], chars)]);
        }
        finally
        {
            if (rentedBytes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBytes);
            }

            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }
        }
    }

    private static bool IsSentence(ReadOnlySpan<char> text)
    {
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
