using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Firewall.Bench.Baselines;

/// <summary>
/// The smallest useful ASP.NET Core server: <c>GET /</c> answers "ok", <c>POST /echo</c> returns its JSON body. Run
/// as its own process (<c>firewall bench-server</c>), it is what any endpoint of the API costs at the least.
/// </summary>
public static class MinimalKestrel
{
    public static async Task RunAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseSetting("urls", url);
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        app.MapPost("/echo", async (HttpRequest request, HttpResponse response) =>
        {
            response.ContentType = "application/json";
            await request.Body.CopyToAsync(response.Body);
        });
        await app.RunAsync();
    }
}
