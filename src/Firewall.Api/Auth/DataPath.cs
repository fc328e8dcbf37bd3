namespace Firewall.Api.Auth;

/// <summary>The folder for the SQLite file and the development signing key: <c>Firewall:DataPath</c>, default ./data.</summary>
public static class DataPath
{
    public static string Resolve(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["Firewall:DataPath"] ?? "data", environment.ContentRootPath);
}
