using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>
/// Faults injected at the batch writer's commit, the last moment before the store holds a batch: hold the next commit
/// until released (so requests pile up behind it), or make the next commit fail as a lost connection would.
/// </summary>
public sealed class CommitFaults : DbTransactionInterceptor
{
    private readonly Lock gate = new();
    private TaskCompletionSource? release;
    private TaskCompletionSource? holding;
    private bool failNext;

    /// <summary>Holds the next commit; the returned task completes once a commit is waiting.</summary>
    public Task HoldNextCommit()
    {
        lock (gate)
        {
            release = new(TaskCreationOptions.RunContinuationsAsynchronously);
            holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
            return holding.Task;
        }
    }

    public void ReleaseHeldCommit()
    {
        lock (gate)
        {
            release?.TrySetResult();
        }
    }

    public void FailNextCommit()
    {
        lock (gate)
        {
            failNext = true;
        }
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken)
    {
        Task? wait = null;
        var fail = false;
        lock (gate)
        {
            if (holding is not null)
            {
                holding.TrySetResult();
                holding = null;
                wait = release!.Task;
            }
            else if (failNext)
            {
                failNext = false;
                fail = true;
            }
        }

        if (wait is not null)
        {
            await wait;
        }

        return fail ? throw new InjectedStoreFailure() : result;
    }

    /// <summary>What the driver throws when the server goes away mid-commit.</summary>
    public sealed class InjectedStoreFailure() : DbException("Injected: the connection was lost during commit.");
}
