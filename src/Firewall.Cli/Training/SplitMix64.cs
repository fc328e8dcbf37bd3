namespace Firewall.Cli.Training;

/// <summary>
/// A tiny seeded generator whose sequence is fixed by its definition, not by a runtime version: the training order,
/// and so the model's bytes, must not change when .NET changes <see cref="Random"/>.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9e3779b97f4a7c15;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
        z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
        return z ^ (z >> 31);
    }

    /// <summary>Fisher-Yates shuffle of <paramref name="items"/> in place.</summary>
    public void Shuffle(Span<int> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)(Next() % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
