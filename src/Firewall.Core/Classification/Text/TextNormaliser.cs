using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Firewall.Core.Classification.Text;

/// <summary>
/// The one normalised view of a text that every detector reads: look-alike forms folded to Latin letters and digits
/// (<see cref="CompatibilityFold"/>, <see cref="Confusables"/>), invariant lower case, format and control characters
/// (zero-width, bidirectional, tags) and the combining marks on Latin letters removed, every run of whitespace one
/// space, no space at either end, and leetspeak folded inside words (<see cref="Leetspeak"/>).
/// The original text is never changed: redaction and evidence work on it. ASCII text takes a fast path and, through
/// <see cref="Normalise(ReadOnlySpan{char})"/>, allocates nothing.
/// </summary>
public static class TextNormaliser
{
    private static readonly SearchValues<char> LeetCharacters = SearchValues.Create("0123456789@$!|");

    private delegate int TriggerFinder(ReadOnlySpan<char> text);

    private delegate void WordFold(Span<char> word);

    /// <summary>The longest normalised view of a text of <paramref name="length"/> characters.</summary>
    public static int MaxLength(int length) => checked(length * CompatibilityFold.MaxExpansion);

    /// <summary>The normalised view as a string: <paramref name="text"/> itself when it is already normalised.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var view = Normalise(text.AsSpan());
        return view.Span.SequenceEqual(text) ? text : view.ToString();
    }

    /// <summary>The normalised view in a pooled buffer: dispose it.</summary>
    public static NormalisedText Normalise(ReadOnlySpan<char> text)
    {
        var isAscii = Ascii.IsValid(text);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, isAscii ? text.Length : MaxLength(text.Length)));
        return new NormalisedText(buffer, Write(text, buffer, isAscii));
    }

    /// <summary>
    /// Writes the normalised view into <paramref name="destination"/>, at least <see cref="MaxLength"/> long (as long
    /// as the text suffices for ASCII), and returns its length.
    /// </summary>
    public static int Normalise(ReadOnlySpan<char> text, Span<char> destination)
    {
        var isAscii = Ascii.IsValid(text);
        if (destination.Length < (isAscii ? text.Length : MaxLength(text.Length)))
        {
            throw new ArgumentException("The destination is shorter than MaxLength(text.Length).", nameof(destination));
        }

        return Write(text, destination, isAscii);
    }

    private static int Write(ReadOnlySpan<char> text, Span<char> destination, bool isAscii)
    {
        var length = isAscii ? FoldAscii(text, destination) : FoldUnicode(text, destination);
        FoldWords(destination[..length], isAscii);
        return length;
    }

    private static int FoldAscii(ReadOnlySpan<char> text, Span<char> destination)
    {
        // Vectorised lower case; then, from the first run of whitespace that is not one space, words are moved whole
        // and each run of whitespace and control characters between them becomes one space or nothing.
        Ascii.ToLower(text, destination, out var length);
        var read = FirstIrregularSpace(destination[..length]);
        if (read < 0)
        {
            return length;
        }

        var writer = new Writer(destination, read);
        while (read < length)
        {
            var next = IndexOfControlOrUpTo(destination[read..length], ' ');
            var end = next < 0 ? length : read + next;
            if (end > read)
            {
                writer.Add(destination[read..end]);
            }

            if (end < length && char.IsWhiteSpace(destination[end]))
            {
                writer.Space();
            }

            read = end + 1;
        }

        return writer.Length;
    }

    /// <summary>Where the run of whitespace that holds the first control character, double space or edge space starts.</summary>
    private static int FirstIrregularSpace(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] == ' ')
        {
            return text.IsEmpty ? -1 : 0;
        }

        var control = IndexOfControlOrUpTo(text, '\u001F');
        var doubleSpace = text.IndexOf("  ", StringComparison.Ordinal);
        var first = control < 0 ? doubleSpace : doubleSpace < 0 ? control : Math.Min(control, doubleSpace);
        first = first < 0 && text[^1] == ' ' ? text.Length - 1 : first;
        while (first > 0 && text[first - 1] == ' ')
        {
            first--;
        }

        return first;
    }

    /// <summary>
    /// The first character from U+0000 to <paramref name="last"/>, or DEL: two vectorised range searches, several times
    /// faster than one SearchValues of the same characters, which includes U+0000. Searched as ushort: the char
    /// overload of IndexOfAnyInRange allocates 96 bytes a call on .NET 10.
    /// </summary>
    private static int IndexOfControlOrUpTo(ReadOnlySpan<char> text, char last)
    {
        var low = MemoryMarshal.Cast<char, ushort>(text).IndexOfAnyInRange((ushort)0, last);
        var delete = text[..(low < 0 ? text.Length : low)].IndexOf('\u007F');
        return delete >= 0 ? delete : low;
    }

    private static int FoldUnicode(ReadOnlySpan<char> text, Span<char> destination)
    {
        var writer = new Writer(destination);
        var index = 0;
        while (index < text.Length)
        {
            // A lone surrogate decodes as invalid and is dropped like a format character.
            var status = Rune.DecodeFromUtf16(text[index..], out var rune, out var consumed);
            index += consumed;
            if (status != OperationStatus.Done)
            {
                continue;
            }

            if (Rune.IsWhiteSpace(rune))
            {
                writer.Space();
                continue;
            }

            if (rune.IsAscii)
            {
                if (!Rune.IsControl(rune))
                {
                    writer.Add(char.ToLowerInvariant((char)rune.Value));
                }

                continue;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Format or UnicodeCategory.Control:
                    continue;
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark when writer.FollowsLatin:
                    continue; // marks stacked on a Latin letter obscure it; other scripts need theirs
            }

            var folded = CompatibilityFold.Fold(rune.Value);
            if (!folded.IsEmpty)
            {
                writer.Add(folded);
            }
            else
            {
                // Case is kept until the word's look-alike letters are decided (FoldWords).
                writer.Add(rune);
            }
        }

        return writer.Length;
    }

    /// <summary>
    /// Word by word, leetspeak, then look-alike letters and lower case of what is left; only words holding a digit or
    /// symbol, or a non-ASCII character, are visited, found by a vectorised search.
    /// </summary>
    private static void FoldWords(Span<char> text, bool isAscii)
    {
        FoldWordsHolding(text, static t => t.IndexOfAny(LeetCharacters), Leetspeak.FoldWord);
        if (!isAscii)
        {
            FoldWordsHolding(text, static t => MemoryMarshal.Cast<char, ushort>(t).IndexOfAnyExceptInRange((ushort)0, (ushort)0x7F), static word =>
            {
                Confusables.FoldWord(word);
                LowerInPlace(word);
            });
        }
    }

    private static void FoldWordsHolding(Span<char> text, TriggerFinder find, WordFold fold)
    {
        var index = 0;
        while (index < text.Length)
        {
            var hit = find(text[index..]);
            if (hit < 0)
            {
                return;
            }

            hit += index;
            var start = text[..hit].LastIndexOf(' ') + 1;
            var end = text[hit..].IndexOf(' ');
            end = end < 0 ? text.Length : hit + end;
            fold(text[start..end]);
            index = end + 1;
        }
    }

    private static void LowerInPlace(Span<char> word)
    {
        var index = 0;
        while (index < word.Length)
        {
            Rune.DecodeFromUtf16(word[index..], out var rune, out var consumed);
            var lower = Rune.ToLowerInvariant(rune);
            if (lower.Utf16SequenceLength == consumed)
            {
                lower.EncodeToUtf16(word[index..]);
            }

            index += consumed;
        }
    }

    /// <summary>Appends characters, turning each run of whitespace between two of them into one space.</summary>
    private ref struct Writer(Span<char> destination, int length = 0)
    {
        private readonly Span<char> destination = destination;
        private bool pendingSpace;

        public int Length { get; private set; } = length;

        public readonly bool FollowsLatin => Length > 0 && !pendingSpace && IsLatin(destination[Length - 1]);

        public void Space() => pendingSpace = Length > 0;

        public void Add(char c)
        {
            Flush();
            destination[Length++] = c;
        }

        public void Add(ReadOnlySpan<char> chars)
        {
            Flush();
            chars.CopyTo(destination[Length..]);
            Length += chars.Length;
        }

        public void Add(Rune rune)
        {
            Flush();
            Length += rune.EncodeToUtf16(destination[Length..]);
        }

        private void Flush()
        {
            if (pendingSpace)
            {
                destination[Length++] = ' ';
                pendingSpace = false;
            }
        }

        private static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c) || Confusables.IsConfusable(c);
    }
}
