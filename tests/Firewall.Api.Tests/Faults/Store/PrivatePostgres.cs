using Firewall.Testing;

namespace Firewall.Api.Tests.Faults.Store;

/// <summary>A PostgreSQL server of one test class's own, to crash or freeze without touching the shared one.</summary>
public sealed class PrivatePostgres : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The server is not started yet.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartNewAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
