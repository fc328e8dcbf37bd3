namespace Firewall.Api.Tests.Faults.Store;

/// <summary>
/// The store fault tests run one after another and alone (after the assembly's parallel collections): each loads a 2-core
/// CI machine with an API process, its store and eight agents, and their bounds (a 503 within 4 s for a 1 s deadline,
/// readiness within 2 s) must measure the fault, not a machine busy with the rest of the suite.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StoreFaultsCollection
{
    public const string Name = "Store faults";
}
