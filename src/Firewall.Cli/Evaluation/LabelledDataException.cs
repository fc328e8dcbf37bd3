namespace Firewall.Cli.Evaluation;

/// <summary>A labelled-data file has a row that cannot be read; the message names the file and line.</summary>
public sealed class LabelledDataException : Exception
{
    public LabelledDataException()
    {
    }

    public LabelledDataException(string message)
        : base(message)
    {
    }

    public LabelledDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
