namespace Firewall.Core.Classification;

/// <summary>A set of the rules of one <see cref="RuleSet"/>, by <see cref="Rule.Index"/>: the rules a text may match.</summary>
public readonly record struct RuleMask(UInt128 Bits)
{
    /// <summary>The most rules a rule set may hold, one bit each.</summary>
    public const int Capacity = 128;

    public static RuleMask Of(int index) => new(UInt128.One << index);

    public bool IsEmpty => Bits == UInt128.Zero;

    public bool Contains(int index) => (Bits & (UInt128.One << index)) != UInt128.Zero;

    public bool Covers(RuleMask other) => (Bits & other.Bits) == other.Bits;

    public static RuleMask operator |(RuleMask a, RuleMask b) => new(a.Bits | b.Bits);
}
