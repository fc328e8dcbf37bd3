using System.Text.RegularExpressions;

namespace Firewall.Core.Classification;

/// <summary>
/// A rule's whole matches that pass its validator, found by its scanner or else its regex, without allocating; the regex
/// may throw <see cref="RegexMatchTimeoutException"/>. Each search resumes where the previous match ended, as the regex does.
/// </summary>
public ref struct ValidatedMatches
{
    private readonly Rule _rule;
    private readonly ReadOnlySpan<char> _text;
    private Regex.ValueMatchEnumerator _regex;
    private int _from;

    internal ValidatedMatches(Rule rule, ReadOnlySpan<char> text)
    {
        _rule = rule;
        _text = text;
        _regex = rule.Scanner is null ? rule.Regex.EnumerateMatches(text) : default;
    }

    public TextMatch Current { get; private set; }

    public readonly ValidatedMatches GetEnumerator() => this;

    public bool MoveNext()
    {
        while (Next(out var index, out var length))
        {
            if (_rule.Validator is null || _rule.Validator(_text.Slice(index, length)))
            {
                Current = new TextMatch(index, length);
                return true;
            }
        }

        return false;
    }

    private bool Next(out int index, out int length)
    {
        if (_rule.Scanner is { } scanner)
        {
            index = scanner(_text, _from, out length);
            _from = index + length;
            return index >= 0;
        }

        var found = _regex.MoveNext();
        (index, length) = found ? (_regex.Current.Index, _regex.Current.Length) : (-1, 0);
        return found;
    }
}
