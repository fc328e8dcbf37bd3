using Firewall.Core.Classification.Text;

namespace Firewall.Core.Classification.Model;

/// <summary>
/// The views a text's features are computed over (<see cref="PromptFeatures"/>): its normalised view, then each decoded
/// view, read as one text in which a view starts one position after the end of the one before. Kept while the features
/// are read, so that a feature's position and length find its words again without a copy. Dispose to return the
/// normalised view's pooled buffer.
/// </summary>
internal ref struct PromptViews
{
    private NormalisedText _normalised;

    private PromptViews(NormalisedText normalised, IReadOnlyList<DecodedView> decoded)
    {
        _normalised = normalised;
        Decoded = decoded;
    }

    public readonly ReadOnlySpan<char> Normalised => _normalised.Span;

    public IReadOnlyList<DecodedView> Decoded { get; }

    /// <summary>The length of the views read as one text.</summary>
    public readonly int Length
    {
        get
        {
            var length = Normalised.Length;
            foreach (var decoded in Decoded)
            {
                length += 1 + decoded.Text.Length;
            }

            return length;
        }
    }

    public static PromptViews Of(ReadOnlySpan<char> text) => new(TextNormaliser.Normalise(text), DecodedViews.Find(text));

    /// <summary>The <paramref name="length"/> characters at <paramref name="position"/>, which lie within one view (as a feature's do).</summary>
    public readonly ReadOnlySpan<char> Slice(int position, int length)
    {
        var start = 0;
        var view = Normalised;
        for (var next = 0; position >= start + view.Length; next++)
        {
            start += view.Length + 1;
            view = Decoded[next].Text;
        }

        return view.Slice(position - start, length);
    }

    public void Dispose() => _normalised.Dispose();
}
