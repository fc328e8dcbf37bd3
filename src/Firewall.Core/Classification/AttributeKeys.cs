namespace Firewall.Core.Classification;

/// <summary>Attribute keys after redaction, kept unique: two keys may redact to the same text, and neither may be lost.</summary>
internal static class AttributeKeys
{
    /// <summary>
    /// The final key of each input key, in input order. Keys the redactor left alone keep their text; a redacted key
    /// whose text is taken gets the first free <c>#2</c>, <c>#3</c>, … suffix. Deterministic for a given input order.
    /// </summary>
    public static string[] Unique(IReadOnlyList<(string Original, string Redacted)> keys)
    {
        // Unchanged keys are unique already (they were keys of one object): they go first so they never move.
        var taken = keys.Where(k => k.Original == k.Redacted)
            .Select(k => k.Redacted).ToHashSet(StringComparer.Ordinal);
        var result = new string[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var (original, redacted) = keys[i];
            if (original == redacted)
            {
                result[i] = redacted;
                continue;
            }

            var key = redacted;
            for (var n = 2; !taken.Add(key); n++)
            {
                key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{redacted}#{n}");
            }

            result[i] = key;
        }

        return result;
    }
}
