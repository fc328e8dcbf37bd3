namespace Firewall.Core.Auth;

/// <summary>The roles of API.md: agents ingest, analysts read, admins do both.</summary>
public static class Roles
{
    public const string Agent = "agent";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Agent, Analyst, Admin];
}
