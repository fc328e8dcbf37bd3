namespace Firewall.Api.Tests.Faults.Store;

/// <summary>
/// The store fault tests run one after another (beside the rest of the suite): each loads a 2-core CI machine with an
/// API process, its store and eight agents, and their deadline assertions must not measure each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class StoreFaultsCollection
{
    public const string Name = "Store faults";
}
