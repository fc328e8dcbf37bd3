namespace Firewall.Storage.Writing;

/// <summary>The store cannot take writes now (queue full, database down). Clients should retry after <see cref="RetryAfter"/>.</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException() : this("The event store cannot take writes now.", TimeSpan.FromSeconds(1)) { }

    public StoreUnavailableException(string message) : this(message, TimeSpan.FromSeconds(1)) { }

    public StoreUnavailableException(string message, Exception innerException) : base(message, innerException) => RetryAfter = TimeSpan.FromSeconds(1);

    public StoreUnavailableException(string message, TimeSpan retryAfter, Exception? innerException = null) : base(message, innerException) => RetryAfter = retryAfter;

    public TimeSpan RetryAfter { get; }
}
