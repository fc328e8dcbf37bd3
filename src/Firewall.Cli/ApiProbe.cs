namespace Firewall.Cli;

/// <summary>Whether an API answers at an address, before a command sends it anything else.</summary>
internal static class ApiProbe
{
    /// <summary>Null when /health/live answers; otherwise what to do about it.</summary>
    public static async Task<string?> ProblemAsync(HttpClient http)
    {
        try
        {
            using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
            return live.IsSuccessStatusCode ? null : $"{http.BaseAddress}health/live answered {(int)live.StatusCode}: is this a Firewall API?";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"No Firewall API answers at {http.BaseAddress} ({e.Message}). Start one with `dotnet run --project src/Firewall.Api`, or pass --url.";
        }
    }
}
