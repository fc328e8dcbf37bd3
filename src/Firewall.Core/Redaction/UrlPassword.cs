using Firewall.Core.Classification;

namespace Firewall.Core.Redaction;

/// <summary>
/// The pattern of <c>secret.url_password</c> in C#:
/// <c>\b[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\s:/@]{1,256}:(?&lt;redact&gt;[^\s@/]{1,256})@[^\s/@]</c>, a URL's
/// <c>scheme://user:password@h</c>. Its automaton reads every character of the text; the scanner searches for
/// <c>://</c> and reads outwards. The user ends at the first ':' and the password at the first '@', so a scheme start
/// has one match at most, and every start before the same <c>://</c> shares it: the leftmost start wins.
/// </summary>
public static class UrlPassword
{
    private const int MaxSchemeTail = 20;
    private const int MaxPart = 256;

    public static int Find(ReadOnlySpan<char> text, int from, out int length)
    {
        for (var separator = TextSearch.IndexOf(text, from, "://"); separator >= 0; separator = TextSearch.IndexOf(text, separator + 1, "://"))
        {
            var start = SchemeStart(text, from, separator);
            var end = start < 0 ? -1 : CredentialsEnd(text, separator + 3);
            if (end > 0)
            {
                length = end - start;
                return start;
            }
        }

        length = 0;
        return -1;
    }

    // \b[A-Za-z][A-Za-z0-9+.-]{1,20} ending at 'separator': the earliest start at or after 'from', or -1.
    private static int SchemeStart(ReadOnlySpan<char> text, int from, int separator)
    {
        var first = separator;
        while (first > 0 && separator - first <= MaxSchemeTail && IsSchemeCharacter(text[first - 1]))
        {
            first--;
        }

        for (var start = Math.Max(first, from); start <= separator - 2; start++)
        {
            if (char.IsAsciiLetter(text[start]) && (start == 0 || !RegexCharacters.IsBoundaryWordChar(text[start - 1])))
            {
                return start;
            }
        }

        return -1;
    }

    private static bool IsSchemeCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-';

    // [^\s:/@]{1,256}:[^\s@/]{1,256}@[^\s/@] from 'user': the end, or -1.
    private static int CredentialsEnd(ReadOnlySpan<char> text, int user)
    {
        var colon = user;
        while (colon < text.Length && colon - user <= MaxPart && text[colon] is not (':' or '/' or '@') && !char.IsWhiteSpace(text[colon]))
        {
            colon++;
        }

        if (colon - user is < 1 or > MaxPart || colon >= text.Length || text[colon] != ':')
        {
            return -1;
        }

        var password = colon + 1;
        var at = password;
        while (at < text.Length && at - password <= MaxPart && text[at] is not ('@' or '/') && !char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        var host = at + 1;
        return at - password is >= 1 and <= MaxPart && host < text.Length && text[at] == '@'
            && text[host] is not ('/' or '@') && !char.IsWhiteSpace(text[host]) ? host + 1 : -1;
    }
}
