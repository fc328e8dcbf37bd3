using System.Buffers;

namespace Firewall.Core.Classification.Model;

/// <summary>
/// The summed weight of each distinct word n-gram text (ordinal), as an explanation groups them, without a string per
/// n-gram: each distinct text is copied once into a pooled character buffer and found again through an open-addressing
/// table of its hash; only the few strongest become strings (<see cref="Strongest"/>). Grouped by text, not by bucket:
/// two texts can share a bucket ("ignore all" and "ignore, all" are one bigram), and one text can sum several buckets
/// ("ignore" is a unigram and a concept class). Sums add in the order of the occurrences, as a dictionary of strings would.
/// Dispose to return the pooled arrays.
/// </summary>
internal struct WordNGramTotals : IDisposable
{
    private const int InitialSlots = 256;
    private const int InitialChars = 2048;

    private int[]? _slots;
    private int _slotCount;
    private Entry[] _entries;
    private char[] _chars;
    private int _count;
    private int _charCount;

    public readonly int Count => _count;

    public void Add(ReadOnlySpan<char> words, double weight)
    {
        if (_slots is null)
        {
            (_slots, _slotCount) = (RentSlots(InitialSlots), InitialSlots);
            _entries = ArrayPool<Entry>.Shared.Rent(InitialSlots / 2);
            _chars = ArrayPool<char>.Shared.Rent(InitialChars);
        }
        else if (_count == _slotCount / 2)
        {
            Grow();
        }

        // Randomised per process, so a text cannot be written to collide; the order of the result never depends on it.
        var hash = string.GetHashCode(words);
        var mask = _slotCount - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var index = _slots[slot] - 1;
            if (index < 0)
            {
                _slots[slot] = Append(words, hash, weight) + 1;
                return;
            }

            ref var entry = ref _entries[index];
            if (entry.Hash == hash && Text(entry).SequenceEqual(words))
            {
                entry.Sum += weight;
                return;
            }
        }
    }

    /// <summary>
    /// The <paramref name="count"/> texts of highest positive sum, highest first and, at equal sums, in ordinal order,
    /// each with its sum times <paramref name="scale"/>.
    /// </summary>
    public readonly List<NGramContribution> Strongest(int count, double scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var best = new int[count];
        var found = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_entries[i].Sum <= 0)
            {
                continue;
            }

            var at = found;
            while (at > 0 && Precedes(i, best[at - 1]))
            {
                at--;
            }

            if (at == count)
            {
                continue;
            }

            found = Math.Min(found + 1, count);
            Array.Copy(best, at, best, at + 1, found - at - 1);
            best[at] = i;
        }

        var strongest = new List<NGramContribution>(found);
        for (var i = 0; i < found; i++)
        {
            var entry = _entries[best[i]];
            strongest.Add(new NGramContribution(Text(entry).ToString(), entry.Sum * scale));
        }

        return strongest;
    }

    public void Dispose()
    {
        if (_slots is not null)
        {
            ArrayPool<int>.Shared.Return(_slots);
            ArrayPool<Entry>.Shared.Return(_entries);
            ArrayPool<char>.Shared.Return(_chars);
            _slots = null;
        }
    }

    private readonly bool Precedes(int a, int b)
    {
        var (first, second) = (_entries[a], _entries[b]);
        return first.Sum > second.Sum || (first.Sum == second.Sum && Text(first).SequenceCompareTo(Text(second)) < 0);
    }

    private readonly ReadOnlySpan<char> Text(in Entry entry) => _chars.AsSpan(entry.Start, entry.Length);

    private int Append(ReadOnlySpan<char> words, int hash, double weight)
    {
        if (_charCount + words.Length > _chars.Length)
        {
            var chars = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _charCount + words.Length));
            _chars.AsSpan(0, _charCount).CopyTo(chars);
            ArrayPool<char>.Shared.Return(_chars);
            _chars = chars;
        }

        words.CopyTo(_chars.AsSpan(_charCount));
        _entries[_count] = new Entry(hash, _charCount, words.Length, weight);
        _charCount += words.Length;
        return _count++;
    }

    // Twice the slots and entries: the table stays at most half full.
    private void Grow()
    {
        var slotCount = _slotCount * 2;
        var slots = RentSlots(slotCount);
        var mask = slotCount - 1;
        for (var i = 0; i < _count; i++)
        {
            var slot = _entries[i].Hash & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = i + 1;
        }

        var entries = ArrayPool<Entry>.Shared.Rent(slotCount / 2);
        _entries.AsSpan(0, _count).CopyTo(entries);
        ArrayPool<int>.Shared.Return(_slots!);
        ArrayPool<Entry>.Shared.Return(_entries);
        (_slots, _slotCount, _entries) = (slots, slotCount, entries);
    }

    // A pooled array may be longer than asked: the table uses the power of two asked for (_slotCount), cleared.
    private static int[] RentSlots(int length)
    {
        var slots = ArrayPool<int>.Shared.Rent(length);
        Array.Clear(slots, 0, length);
        return slots;
    }

    private record struct Entry(int Hash, int Start, int Length, double Sum);
}
