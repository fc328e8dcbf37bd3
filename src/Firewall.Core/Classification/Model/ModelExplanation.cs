namespace Firewall.Core.Classification.Model;

/// <summary>A model's probability for a text and the word n-grams that pushed it most towards "attack".</summary>
public sealed record ModelExplanation(double Probability, IReadOnlyList<NGramContribution> Strongest);

/// <param name="Words">The n-gram as it reads in the normalised view.</param>
/// <param name="Contribution">Its share of the score's log-odds, summed over its occurrences.</param>
public sealed record NGramContribution(string Words, double Contribution);
