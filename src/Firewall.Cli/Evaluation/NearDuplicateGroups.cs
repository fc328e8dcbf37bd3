using System.Text;

namespace Firewall.Cli.Evaluation;

/// <summary>
/// Groups texts so that near-duplicates share a group and cross-validation can keep them in one fold: two texts are
/// joined when their normalised words (lower case, letters and digits only, any other run of characters one space)
/// are equal, or when they share a run of <see cref="ShingleWords"/> consecutive normalised words, as templated
/// attacks that reuse a carrier document do. Groups are transitive (union-find). Only 64-bit hashes of the word runs
/// are kept, one per distinct run, so memory grows with the distinct text, not with the copies.
/// </summary>
public static class NearDuplicateGroups
{
    public const int ShingleWords = 8;

    // FNV-1a: the same hash on every run and platform, unlike string.GetHashCode.
    private const ulong FnvOffset = 0xCBF29CE484222325UL;
    private const ulong FnvPrime = 0x100000001B3UL;

    /// <returns>A group id per text: 0, 1, 2, … in the order each group's first text appears.</returns>
    public static int[] Assign(IReadOnlyList<string> texts)
    {
        var parent = new int[texts.Count];
        var firstWithText = new Dictionary<ulong, int>();
        var firstWithShingle = new Dictionary<ulong, int>();
        var words = new List<ulong>();
        for (var row = 0; row < texts.Count; row++)
        {
            parent[row] = row;
            HashWords(texts[row], words);

            // A text without letters or digits (symbols, Morse) has no words: only its exact copies join it.
            var textKey = words.Count == 0 ? HashSymbols(texts[row].Trim()) : HashRun(words, 0, words.Count);
            Join(parent, firstWithText, textKey, row);
            for (var start = 0; start + ShingleWords <= words.Count; start++)
            {
                Join(parent, firstWithShingle, HashRun(words, start, ShingleWords), row);
            }
        }

        var groupOfRoot = new int[texts.Count];
        Array.Fill(groupOfRoot, -1);
        var groups = new int[texts.Count];
        var next = 0;
        for (var row = 0; row < texts.Count; row++)
        {
            // Roots are the smallest row of their group, so they are met first and numbered in order of appearance.
            var root = Find(parent, row);
            if (groupOfRoot[root] < 0)
            {
                groupOfRoot[root] = next++;
            }

            groups[row] = groupOfRoot[root];
        }

        return groups;
    }

    private static void Join(int[] parent, Dictionary<ulong, int> firstWithKey, ulong key, int row)
    {
        if (!firstWithKey.TryAdd(key, row))
        {
            Union(parent, firstWithKey[key], row);
        }
    }

    private static void Union(int[] parent, int a, int b)
    {
        var rootA = Find(parent, a);
        var rootB = Find(parent, b);
        if (rootA != rootB)
        {
            parent[Math.Max(rootA, rootB)] = Math.Min(rootA, rootB);
        }
    }

    private static int Find(int[] parent, int row)
    {
        while (parent[row] != row)
        {
            parent[row] = parent[parent[row]]; // path halving keeps the trees shallow
            row = parent[row];
        }

        return row;
    }

    // The hash of each normalised word, in order.
    private static void HashWords(string text, List<ulong> words)
    {
        words.Clear();
        var hash = FnvOffset;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                hash = (hash ^ (uint)Rune.ToLowerInvariant(rune).Value) * FnvPrime;
                inWord = true;
            }
            else if (inWord)
            {
                words.Add(Mix(hash));
                hash = FnvOffset;
                inWord = false;
            }
        }

        if (inWord)
        {
            words.Add(Mix(hash));
        }
    }

    private static ulong HashSymbols(string text)
    {
        var hash = FnvOffset;
        foreach (var c in text)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return Mix(hash);
    }

    private static ulong HashRun(List<ulong> words, int start, int count)
    {
        var hash = Mix((ulong)count);
        for (var i = start; i < start + count; i++)
        {
            hash = Mix(hash ^ words[i]);
        }

        return hash;
    }

    // SplitMix64's finaliser: every input bit moves every output bit, so combined word hashes stay well spread.
    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
