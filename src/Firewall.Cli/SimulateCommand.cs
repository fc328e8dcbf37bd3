using System.CommandLine;
using System.Globalization;
using Firewall.Bench.Load;
using Firewall.Cli.Simulation;

namespace Firewall.Cli;

/// <summary>
/// <c>simulate --rate N --duration D [--url U]</c>: realistic agent traffic (the benchmark's event mix) at a steady rate,
/// with a progress line and a summary, so a console or dashboard has something to show. Ctrl+C stops it cleanly.
/// </summary>
internal static class SimulateCommand
{
    private static readonly Uri DefaultUrl = new("http://localhost:5080");

    public static Command Create()
    {
        var rate = new Option<double>("--rate") { Description = "events per second, over all agents", DefaultValueFactory = _ => 20 };
        var duration = new Option<string>("--duration") { Description = "how long, such as 30s or 5m", DefaultValueFactory = _ => "1m" };
        var url = UrlOption.Create($"the API (default: {DefaultUrl})");
        var agents = new Option<int>("--agents") { Description = "simulated agents, each with its own agentId", DefaultValueFactory = _ => 4 };
        var batch = new Option<int>("--batch") { Description = "events per request (1 posts to /events, more to /events/batch)", DefaultValueFactory = _ => 1 };
        var token = new Option<string?>("--token") { Description = "an agent token (default: one signed with the local key, as the token command does)" };
        var clientId = new Option<string?>("--client-id") { Description = "a client of the token endpoint, for an instance whose key you do not have" };
        var clientSecret = new Option<string?>("--client-secret") { Description = "that client's secret" };
        var command = new Command("simulate", "Play realistic agent traffic against a running API")
        {
            rate, duration, url, agents, batch, token, clientId, clientSecret,
        };
        duration.Validators.Add(result =>
        {
            try
            {
                TokenCommand.ParseDuration(result.GetValueOrDefault<string>());
            }
            catch (ArgumentException bad)
            {
                result.AddError(bad.Message);
            }
        });
        rate.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is <= 0 or > 1_000_000)
            {
                result.AddError("--rate must be above 0 and at most 1000000.");
            }
        });
        agents.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 256)
            {
                result.AddError("--agents must be 1 to 256.");
            }
        });
        batch.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                result.AddError("--batch must be 1 to 1000 (the API's batch limit).");
            }
        });
        command.Validators.Add(result =>
        {
            if ((result.GetResult(clientId) is null) != (result.GetResult(clientSecret) is null))
            {
                result.AddError("--client-id and --client-secret go together.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var plan = new TrafficPlan(parse.GetValue(url) ?? DefaultUrl, parse.GetValue(rate), TokenCommand.ParseDuration(parse.GetValue(duration)!), parse.GetValue(agents), parse.GetValue(batch));
            using var http = new HttpClient { BaseAddress = plan.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            if (await ApiProbe.ProblemAsync(http) is { } unreachable)
            {
                await Console.Error.WriteLineAsync(unreachable);
                return 2;
            }

            AgentToken agentToken;
            try
            {
                agentToken = ChooseToken(parse.GetValue(token), parse.GetValue(clientId), parse.GetValue(clientSecret), http);
                await agentToken.GetAsync();
            }
            catch (Exception e) when (e is InvalidOperationException or TokenRefusedException)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }

            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"simulate: {plan.Rate:0.##} events/s for {plan.Duration.TotalSeconds:0} s by {plan.Agents} agents, {plan.Batch} per request, to {plan.BaseAddress} with {agentToken.Source}. Ctrl+C stops."));
            try
            {
                var (tally, elapsed) = await AgentTraffic.RunAsync(plan, agentToken, new ProgressLine(Console.IsErrorRedirected ? null : Console.Error), cancellationToken);
                await Console.Out.WriteLineAsync(Summary(plan, tally, elapsed, stoppedEarly: cancellationToken.IsCancellationRequested));
                return tally.Errors == 0 ? 0 : 1;
            }
            catch (TokenRefusedException refused)
            {
                await Console.Error.WriteLineAsync(refused.Message);
                return 1;
            }
        });
        return command;
    }

    private static AgentToken ChooseToken(string? token, string? clientId, string? clientSecret, HttpClient http)
    {
        if (token is not null)
        {
            return AgentToken.Given(token);
        }

        if (clientId is not null && clientSecret is not null)
        {
            return AgentToken.FromClient(http, clientId, clientSecret);
        }

        try
        {
            return AgentToken.Minted(SigningKeyLocator.Load(null));
        }
        catch (InvalidOperationException missing)
        {
            throw new InvalidOperationException(
                $"{missing.Message}\nFor an instance whose key is not on this machine, pass --token <agent token>, or --client-id and --client-secret of a client with the agent role.",
                missing);
        }
    }

    private static string Summary(TrafficPlan plan, TrafficTally tally, TimeSpan elapsed, bool stoppedEarly)
    {
        var seconds = elapsed.TotalSeconds;
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{(stoppedEarly ? "interrupted after" : "ran")} {seconds:0.0} s: sent {tally.Sent} events ({tally.Sent / seconds:0.0}/s, target {plan.Rate:0.##}/s)"),
            $"created {tally.Created}, duplicates {tally.Duplicates} (retried eventIds, stored once), errors {tally.Errors}, throttled {tally.Throttled} (429/503, retried after Retry-After)",
        };
        if (tally.FirstError is { } first)
        {
            lines.Add($"first error: {first}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
