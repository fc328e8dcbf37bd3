namespace Firewall.Core.Classification.Model;

/// <summary>
/// Division of non-negative ints by a fixed divisor as one multiplication (Lemire, Kaser and Kurz, "Faster remainder by
/// direct computation", 2019: with M = ceil(2^64 / d), n / d is the high 64 bits of M × n for every 32-bit n): the
/// scorer divides a position per feature, where a hardware division costs several times a multiplication.
/// </summary>
internal readonly struct Divisor
{
    private readonly ulong _multiplier;

    public Divisor(int divisor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(divisor, 2);
        _multiplier = (ulong.MaxValue / (uint)divisor) + 1;
    }

    public int Divide(int dividend) => (int)Math.BigMul(_multiplier, (ulong)(uint)dividend, out _);
}
