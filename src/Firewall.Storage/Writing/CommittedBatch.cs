using Firewall.Core.Events;

namespace Firewall.Storage.Writing;

/// <summary>The outcome of one committed transaction: a result per event in input order, and the severities that gained events.</summary>
internal sealed record CommittedBatch(WriteResult[] Results, IReadOnlySet<Severity> CreatedSeverities);
