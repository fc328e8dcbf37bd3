using System.Text;

namespace Firewall.Core.Classification.Text;

/// <summary>Joins the decoded pieces of one layer with spaces, up to <see cref="DecodedViews.MaxViewLength"/> characters.</summary>
internal sealed class CappedText
{
    private readonly StringBuilder text = new();

    public bool IsFull => text.Length >= DecodedViews.MaxViewLength;

    public void Append(ReadOnlySpan<char> piece)
    {
        if (text.Length > 0 && !IsFull)
        {
            text.Append(' ');
        }

        text.Append(piece[..Math.Min(piece.Length, DecodedViews.MaxViewLength - text.Length)]);
    }

    public override string ToString() => text.ToString();
}
