namespace Firewall.Core.Classification;

/// <summary>
/// <c>(.)\1{255,}</c>: a run of at least 256 copies of one character other than a line feed. The regex tries every
/// position; a run that long covers one index of every residue mod 256, so probing one index in 256 finds them all.
/// </summary>
public static class RepeatedCharacter
{
    public const int MinRun = 256;

    public static int Find(ReadOnlySpan<char> text, int from, out int length)
    {
        for (var probe = from + MinRun - 1; probe < text.Length; probe += MinRun)
        {
            var c = text[probe];
            if (c == '\n')
            {
                continue;
            }

            var start = probe;
            while (start > from && text[start - 1] == c)
            {
                start--;
            }

            var end = probe + 1;
            while (end < text.Length && text[end] == c)
            {
                end++;
            }

            if (end - start >= MinRun)
            {
                length = end - start;
                return start;
            }

            // The probes after this run must cover every run that starts at or after its end.
            probe = end - 1;
        }

        length = 0;
        return -1;
    }
}
