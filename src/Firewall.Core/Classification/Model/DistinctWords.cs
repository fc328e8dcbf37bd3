namespace Firewall.Core.Classification.Model;

/// <summary>
/// Whether a text holds enough language for the model to judge. Trained on token floods and adversarial gibberish
/// labelled as attacks, the model would otherwise call any run of one repeated token or of punctuation an attack.
/// </summary>
public static class DistinctWords
{
    /// <summary>How many different words (runs of letters and digits, ignoring case) a text needs.</summary>
    public const int Required = 3;

    public static bool AtLeastRequired(ReadOnlySpan<char> text)
    {
        Span<Range> seen = stackalloc Range[Required];
        var found = 0;
        var i = 0;
        while (i < text.Length && found < Required)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            var isNew = true;
            for (var j = 0; j < found && isNew; j++)
            {
                isNew = !word.Equals(text[seen[j]], StringComparison.OrdinalIgnoreCase);
            }

            if (isNew)
            {
                seen[found++] = start..i;
            }
        }

        return found >= Required;
    }
}
