using System.Buffers;

namespace Firewall.Core.Classification.Text;

/// <summary>
/// The normalised view of a text in a buffer rented from <see cref="ArrayPool{T}.Shared"/>: read <see cref="Span"/>, then
/// dispose (<c>using var view = TextNormaliser.Normalise(text);</c>) so that the buffer returns to the pool.
/// </summary>
public ref struct NormalisedText
{
    private char[]? rented;
    private readonly int length;

    internal NormalisedText(char[] rented, int length)
    {
        this.rented = rented;
        this.length = length;
    }

    /// <summary>The normalised characters; empty once disposed.</summary>
    public readonly ReadOnlySpan<char> Span => rented is null ? [] : rented.AsSpan(0, length);

    public override readonly string ToString() => Span.ToString();

    public void Dispose()
    {
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
            rented = null;
        }
    }
}
