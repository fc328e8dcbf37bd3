namespace Firewall.Core.Classification;

/// <summary>
/// Finds the first match of a rule at or after <paramref name="from"/> in C#, for patterns a regex engine runs slowly
/// (backreferences, a lookbehind before every position). It must find exactly what the rule's pattern finds; the pattern
/// stays in the rule set as its specification, and a test holds the two together.
/// </summary>
/// <returns>The match's index, or -1 when there is none; <paramref name="length"/> is then 0.</returns>
public delegate int MatchScanner(ReadOnlySpan<char> text, int from, out int length);
