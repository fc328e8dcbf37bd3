namespace Firewall.Api.Auth;

/// <summary>
/// Loads the signing key and the previous keys as the host starts: a missing or weak key stops start-up with a clear message instead of
/// failing the first request, and a development key exists before anyone asks the CLI for a token.
/// </summary>
internal sealed class SigningKeyStartupCheck(SigningKeySource keys, IHostEnvironment environment, ILogger<SigningKeyStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = keys.PreviousKeys;
        if (keys.Settings is not null && environment.IsDevelopment())
        {
            logger.LogInformation("Development signing key ready; mint a token with: dotnet run --project src/Firewall.Cli -- token --role analyst");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
