namespace Firewall.Core.Classification.Model;

/// <summary>A model file that cannot be used: corrupt, truncated, or made for other features than this code computes.</summary>
public sealed class PromptModelException : Exception
{
    public PromptModelException()
    {
    }

    public PromptModelException(string message)
        : base(message)
    {
    }

    public PromptModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
