namespace Firewall.Core.Classification;

/// <summary>Where a rule matched: a match without the regex's <see cref="System.Text.RegularExpressions.Match"/> object.</summary>
public readonly record struct TextMatch(int Index, int Length);
