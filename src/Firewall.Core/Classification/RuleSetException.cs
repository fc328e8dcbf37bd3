namespace Firewall.Core.Classification;

/// <summary>A rule set that cannot be used; the message names the bad rule or field.</summary>
public sealed class RuleSetException : Exception
{
    public RuleSetException()
    {
    }

    public RuleSetException(string message)
        : base(message)
    {
    }

    public RuleSetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
