using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Storage.Writing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Firewall.Api.Tests;

/// <summary>
/// Issue 10, item 6: under overload and a failing store the log stays readable. Each 503 has its one request line, with
/// no stack trace; the handler's reason lines are throttled (one per reason per ten seconds, with a count of the rest);
/// the failed batch's cause is logged once, with its exception, by the batch writer.
/// </summary>
public sealed class QuietFailureLogTests(QuietFailureLogTests.CapturingFactory factory) : IClassFixture<QuietFailureLogTests.CapturingFactory>
{
    private const int Rejected = 40;

    [Fact]
    public async Task AFullQueueAndAFailedBatchLogOneLinePer503AThrottledReasonAndOneStackTraceForTheCause()
    {
        var agent = factory.Agent();
        var clock = Stopwatch.StartNew();
        var held = factory.Faults.HoldNextCommit();
        var plug = agent.PostAsync(Events.Valid());
        await held.WaitAsync(TimeSpan.FromSeconds(30));
        var queued = Enumerable.Range(0, CommitFaultApiFactory.QueueCapacity).Select(_ => agent.PostAsync(Events.Valid())).ToList();
        await WaitUntilQueuedAsync(CommitFaultApiFactory.QueueCapacity);

        var refused = await Task.WhenAll(Enumerable.Range(0, Rejected).Select(_ => agent.PostAsync(Events.Valid())));
        factory.Faults.FailNextCommit();
        factory.Faults.ReleaseHeldCommit();
        await plug;
        var failed = await Task.WhenAll(queued);

        Assert.All(refused.Concat(failed), r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        var took = clock.Elapsed;
        var lines = factory.Sink.Events.ToList();
        var answered = lines.Where(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)
            && e.Properties["StatusCode"].ToString() == "503").ToList();
        Assert.Equal(Rejected + CommitFaultApiFactory.QueueCapacity, answered.Count);
        Assert.All(answered, e => Assert.Equal(LogEventLevel.Warning, e.Level));

        // Two reasons (queue full, batch failed): one line each per ten seconds the test took, at most.
        var reasons = lines.Where(e => Source(e) == "Firewall.Api.Http.ProblemExceptionHandler").ToList();
        Assert.InRange(reasons.Count, 2, 2 * (1 + (int)(took.TotalSeconds / 10)));
        var withStack = Assert.Single(lines, e => e.Exception is not null);
        Assert.Equal("Firewall.Storage.Writing.BatchProcessor", Source(withStack));
        Assert.All(lines.Except([withStack]), e => Assert.DoesNotContain("   at ", Rendered(e), StringComparison.Ordinal));
    }

    private static string? Source(LogEvent e) =>
        e.Properties.TryGetValue("SourceContext", out var source) ? (source as ScalarValue)?.Value as string : null;

    private static string Rendered(LogEvent e)
    {
        using var json = new StringWriter();
        new RenderedCompactJsonFormatter().Format(e, json);
        return json.ToString();
    }

    private async Task WaitUntilQueuedAsync(int events)
    {
        var queue = factory.Services.GetRequiredService<WriteQueue>();
        var patience = Stopwatch.StartNew();
        while (queue.QueuedEvents < events)
        {
            Assert.True(patience.Elapsed < TimeSpan.FromSeconds(30), $"only {queue.QueuedEvents} of {events} events were queued");
            await Task.Delay(10);
        }
    }

    public sealed class CapturingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }

    /// <summary>A queue of three events, commit faults, Information logs captured; its own host, so only its own lines.</summary>
    public sealed class CapturingFactory : CommitFaultApiFactory
    {
        public CapturingSink Sink { get; } = new();

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [.. base.Settings, new("Serilog:MinimumLevel:Default", "Information")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Sink));
        }
    }
}
