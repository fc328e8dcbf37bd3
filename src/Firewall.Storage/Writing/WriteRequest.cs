namespace Firewall.Storage.Writing;

/// <summary>One caller's events waiting for the batch writer, and the task it is answered through.</summary>
internal sealed record WriteRequest(IReadOnlyList<NewEvent> Events)
{
    // Asynchronous continuations keep callers' code off the writer loop.
    public TaskCompletionSource<IReadOnlyList<WriteResult>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
