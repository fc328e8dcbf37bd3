using System.Buffers;
using Firewall.Core.Classification;

namespace Firewall.Core.Redaction;

/// <summary>
/// The pattern of <c>pii.email</c> in C#: a local part of up to 64 of <c>[A-Za-z0-9._%+-]</c> that is not preceded by
/// such a character or a letter, nor by the <c>scheme://user:</c> of a URL's credentials, then <c>@</c>, one to eight
/// labels of up to 63 <c>[A-Za-z0-9-]</c> each followed by a dot, and 2 to 24 letters ending a word. The regex enters at
/// every letter of prose, and its URL lookbehind reads back up to 260 characters there; an address has an '@', so
/// the scanner searches for that and reads outwards from it.
/// </summary>
public static class EmailAddress
{
    private const int MaxLocal = 64;
    private const int MaxLabel = 63;
    private const int MaxLabels = 8;
    private const int MinTopLevel = 2;
    private const int MaxTopLevel = 24;
    private const int MaxCredentials = 256;

    private static readonly SearchValues<char> LocalPart =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-");

    private static readonly SearchValues<char> LabelPart =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    public static int Find(ReadOnlySpan<char> text, int from, out int length)
    {
        for (var at = TextSearch.IndexOf(text, from, "@"); at >= 0; at = TextSearch.IndexOf(text, at + 1, "@"))
        {
            // A match can only start where the run of local-part characters before the '@' starts: every later
            // position follows one of them. A run that began before 'from' has no start left.
            var start = at;
            while (start > 0 && at - start <= MaxLocal && LocalPart.Contains(text[start - 1]))
            {
                start--;
            }

            if (start < from || at - start is < 1 or > MaxLocal || (start > 0 && RegexCharacters.IsWordChar(text[start - 1]))
                || FollowsUrlCredentials(text, start))
            {
                continue;
            }

            var end = DomainEnd(text, at + 1);
            if (end > 0)
            {
                length = end - start;
                return start;
            }
        }

        length = 0;
        return -1;
    }

    // (?<!://[^\s/@]{0,256}:): the user of a URL's credentials (the password is secret.url_password's).
    private static bool FollowsUrlCredentials(ReadOnlySpan<char> text, int start)
    {
        if (start == 0 || text[start - 1] != ':')
        {
            return false;
        }

        var slash = start - 2;
        while (slash >= 0 && start - 2 - slash <= MaxCredentials && text[slash] is not ('/' or '@') && !char.IsWhiteSpace(text[slash]))
        {
            slash--;
        }

        return start - 2 - slash <= MaxCredentials && slash >= 2 && text[(slash - 2)..(slash + 1)] is "://";
    }

    // (?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}\b from 'from': each label is fixed by its dot, so backtracking only
    // gives labels back, most first, until the letters after one end a word. Returns the end, or -1.
    private static int DomainEnd(ReadOnlySpan<char> text, int from)
    {
        Span<int> afterLabel = stackalloc int[MaxLabels];
        var labels = 0;
        for (var position = from; labels < MaxLabels; labels++)
        {
            var run = Run(text, position, LabelPart, MaxLabel + 1);
            if (run is < 1 or > MaxLabel || position + run >= text.Length || text[position + run] != '.')
            {
                break;
            }

            position += run + 1;
            afterLabel[labels] = position;
        }

        for (var label = labels - 1; label >= 0; label--)
        {
            var topLevel = afterLabel[label];
            var letters = Run(text, topLevel, null, MaxTopLevel + 1);
            if (letters is >= MinTopLevel and <= MaxTopLevel && RegexCharacters.IsBoundary(text, topLevel + letters))
            {
                return topLevel + letters;
            }
        }

        return -1;
    }

    // How many characters from 'from' are in the set (ASCII letters when null), counting at most 'limit'.
    private static int Run(ReadOnlySpan<char> text, int from, SearchValues<char>? set, int limit)
    {
        var end = from;
        while (end < text.Length && end - from < limit && (set?.Contains(text[end]) ?? char.IsAsciiLetter(text[end])))
        {
            end++;
        }

        return end - from;
    }
}
