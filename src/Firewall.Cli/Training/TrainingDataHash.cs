using System.Security.Cryptography;
using System.Text;
using Firewall.Cli.Evaluation;

namespace Firewall.Cli.Training;

/// <summary>The SHA-256 a model records of its training rows: text, label and source of each, in order, so any change to the data shows.</summary>
internal static class TrainingDataHash
{
    public static string Of(IReadOnlyList<LabelledPrompt> prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var prompt in prompts)
        {
            // Unit separators cannot occur in a source name or be confused with a label, so rows cannot run together.
            hash.AppendData(Encoding.UTF8.GetBytes($"{prompt.Text}\u001f{(prompt.IsAttack ? 1 : 0)}\u001f{prompt.Source}\u001e"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
