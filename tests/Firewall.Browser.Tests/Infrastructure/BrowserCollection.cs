namespace Firewall.Browser.Tests.Infrastructure;

/// <summary>One API host and one Chromium for every browser test, run one test at a time (2 cores are shared).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ConsoleHost>, ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
