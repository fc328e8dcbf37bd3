using System.Runtime.CompilerServices;

namespace Firewall.Core.Classification.Model;

/// <summary>
/// Stable 32-bit hashing for features: FNV-1a over UTF-16 code units, finished by MurmurHash3's avalanche so the low
/// bits that pick the bucket depend on every input bit. Never <see cref="string.GetHashCode()"/>, which is randomised
/// per process: the model file would not match the scorer.
/// </summary>
internal static class FeatureHash
{
    public const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Step(uint hash, char c) => (hash ^ c) * Prime;

    /// <summary>The FNV-1a hash of <paramref name="text"/>, as <see cref="Step"/> builds it one character at a time.</summary>
    public static uint Of(ReadOnlySpan<char> text)
    {
        var hash = Offset;
        foreach (var c in text)
        {
            hash = Step(hash, c);
        }

        return hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mix(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >> 16;
        return hash;
    }
}
