namespace Firewall.Core.Classification;

/// <summary>Checks a match the regex alone cannot (checksums, ranges, decoding); a span, so that checking allocates nothing.</summary>
public delegate bool MatchValidator(ReadOnlySpan<char> match);
