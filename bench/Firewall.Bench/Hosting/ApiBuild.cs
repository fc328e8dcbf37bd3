namespace Firewall.Bench.Hosting;

/// <summary>Which Firewall.Api.dll to start: the repository it is in, its build configuration, and whether to build it first.</summary>
public sealed record ApiBuild(string RepositoryRoot, string Configuration, bool Build);
