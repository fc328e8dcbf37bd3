namespace Firewall.Core.Classification;

/// <summary>A text with the rules its hints admit (<see cref="HintIndex.Scan"/>): only those need to run on it.</summary>
public readonly record struct ScannedText(string Text, RuleMask Candidates);
