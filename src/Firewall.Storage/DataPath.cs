using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Firewall.Storage;

/// <summary>The folder for the SQLite file and the development signing key: <c>Firewall:DataPath</c>, default ./data, under the content root.</summary>
public static class DataPath
{
    public static string Resolve(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["Firewall:DataPath"] ?? "data", environment.ContentRootPath);
}
