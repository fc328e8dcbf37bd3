using System.Collections.Concurrent;
using Firewall.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Firewall.Api.Tests;

/// <summary>Log events written during a request carry its trace and span ids, and the production JSON writes them.</summary>
public sealed class LogTraceTests
{
    private sealed class CapturingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }

    private sealed class InformationFactory : FirewallApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Serilog:MinimumLevel:Default", "Information")];
    }

    [Fact]
    public async Task TheRequestLogLineCarriesTheTraceIdTheClientSent()
    {
        var sink = new CapturingSink();
        await using var factory = new InformationFactory();
        using var host = factory.WithWebHostBuilder(web => web.ConfigureServices(services => services.AddSingleton<ILogEventSink>(sink)));
        var traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        (await host.CreateClient().SendAsync(request)).EnsureSuccessStatusCode();

        // Hosts of other test classes run in parallel: this request's line is the one with its trace id.
        var line = Assert.Single(sink.Events, e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal) && e.TraceId?.ToHexString() == traceId);
        Assert.NotNull(line.SpanId);
        using var json = new StringWriter();
        new RenderedCompactJsonFormatter().Format(line, json);
        Assert.Contains($"\"@tr\":\"{traceId}\"", json.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"@sp\":", json.ToString(), StringComparison.Ordinal);
    }
}
