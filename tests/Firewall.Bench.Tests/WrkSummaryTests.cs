using Firewall.Bench.Load;

namespace Firewall.Bench.Tests;

public sealed class WrkSummaryTests
{
    private const string Output = """
        Running 10s test @ http://127.0.0.1:5000
          2 threads and 64 connections
        Requests/sec:  15000.00

        {"seconds":10.000000,"requests":1000,"socketErrors":3,"hits":900,"lookups":950,"p50Us":2500,"p99Us":20800,"maxUs":41000,"statuses":{"200":950,"304":10,"503":37}}
        """;

    [Fact]
    public void Counts_2xx_as_items_and_other_statuses_and_socket_errors_as_errors()
    {
        var outcome = WrkSummary.Parse(Output);

        Assert.Equal(1000, outcome.Requests);
        Assert.Equal(950, outcome.Items);
        Assert.Equal(10 + 37 + 3, outcome.Errors);
        Assert.Equal(95, outcome.ItemsPerSecond, 6);
        Assert.Equal(37, outcome.Statuses[503]);
    }

    [Fact]
    public void Reads_latency_in_milliseconds_and_the_hit_ratio()
    {
        var outcome = WrkSummary.Parse(Output);

        Assert.Equal(new LatencySummary(2.5, 20.8, 41), outcome.Latency);
        Assert.Equal(900 / 950.0, outcome.HitRatio);
        Assert.Equal(Wrk.Name, outcome.Generator);
    }

    [Fact]
    public void No_hit_ratio_without_X_Cache()
    {
        var outcome = WrkSummary.Parse("""{"seconds":1,"requests":5,"socketErrors":0,"hits":0,"lookups":0,"p50Us":1,"p99Us":2,"maxUs":3,"statuses":{"200":5}}""");

        Assert.Null(outcome.HitRatio);
    }

    [Fact]
    public void Output_without_a_summary_is_an_error_that_shows_it() =>
        Assert.Contains("unable to connect", Assert.Throws<InvalidDataException>(() => WrkSummary.Parse("unable to connect to 127.0.0.1:1")).Message);
}
