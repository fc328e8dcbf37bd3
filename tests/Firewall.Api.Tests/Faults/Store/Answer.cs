using System.Diagnostics;
using System.Net;
using Firewall.Api.Tests.Infrastructure;

namespace Firewall.Api.Tests.Faults.Store;

/// <summary>One request as a fault test judges it: its status (0: no answer at all), how long it took, its Retry-After and body.</summary>
public sealed record Answer(HttpStatusCode Status, TimeSpan Elapsed, bool HasRetryAfter, string Body)
{
    /// <summary>How long a probe waits for any answer: far beyond every bound, so a hang shows as a slow answer, not a stuck test.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<Answer> TimeAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await send();
            return new Answer(response.StatusCode, clock.Elapsed, response.Headers.RetryAfter is not null, await response.Content.ReadAsStringAsync());
        }
        catch (TaskCanceledException)
        {
            return new Answer(0, clock.Elapsed, false, $"no answer within {Patience}");
        }
    }

    /// <summary>Fails unless this is a 503 with Retry-After, sooner than <paramref name="within"/>, with no internals in its body.</summary>
    public void AssertUnavailable(string what, TimeSpan within)
    {
        AssertStatus(HttpStatusCode.ServiceUnavailable, what, within);
        Assert.True(HasRetryAfter, $"{what} answered 503 without Retry-After");
        Assert.False(ErrorBodies.LeaksInternals(Body), $"{what}'s body leaks internals: {Body}");
    }

    /// <summary>Fails unless this answer is <paramref name="expected"/>, sooner than <paramref name="within"/>.</summary>
    public void AssertStatus(HttpStatusCode expected, string what, TimeSpan within) =>
        Assert.True(Status == expected && Elapsed < within, $"{what}: expected {(int)expected} within {within.TotalSeconds} s, got {this}");

    public override string ToString() => $"{(int)Status} after {Elapsed.TotalSeconds:0.00} s: {Body}";
}
