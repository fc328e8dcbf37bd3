using System.CommandLine;
using System.Globalization;
using Firewall.Bench;
using Firewall.Bench.Reports;
using Firewall.Bench.Scenarios;

namespace Firewall.Cli;

/// <summary>
/// <c>bench &lt;scenario…|all&gt;</c>: starts the API (Release) on fresh databases, drives it with the event mix, measures
/// the baselines in the same run, and writes bench/results/&lt;time&gt;.json and bench/RESULTS.md. See bench/README.md.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var scenarios = new Argument<string[]>("scenario")
        {
            Description = $"all, ingest-batch, or any of: {string.Join(", ", Catalog.All)}",
            Arity = ArgumentArity.OneOrMore,
        };
        var duration = new Option<string>("--duration") { Description = "measured time per scenario, such as 20s or 1m", DefaultValueFactory = _ => "20s" };
        var warmup = new Option<string>("--warmup") { Description = "unmeasured load before each scenario", DefaultValueFactory = _ => "5s" };
        var concurrency = new Option<int>("--concurrency") { Description = "virtual agents (and connections) for ingest-single, query-hit and the baselines", DefaultValueFactory = _ => 64 };
        var batch = new Option<int[]>("--batch") { Description = "events per batch request (repeatable)", DefaultValueFactory = _ => [100, 1000], AllowMultipleArgumentsPerToken = true };
        var events = new Option<long>("--events") { Description = "events stored with the bulk path before the query scenarios", DefaultValueFactory = _ => 1_000_000 };
        var url = UrlOption.Create("target a running API (ingest scenarios; tokens signed with Firewall__Auth__SigningKey)");
        var output = new Option<string?>("--out") { Description = "results file (default bench/results/<timestamp>.json)" };
        var markdown = new Option<string?>("--markdown") { Description = "Markdown report (default bench/RESULTS.md; 'none' to skip)" };
        var noBuild = new Option<bool>("--no-build") { Description = "start the API as built, without building it first" };
        var noProfile = new Option<bool>("--no-profile") { Description = "decompose without profiling what remains (dotnet-trace)" };
        var command = new Command("bench", "Benchmark the API against same-run baselines (bench/README.md)")
        {
            scenarios, duration, warmup, concurrency, batch, events, url, output, markdown, noBuild, noProfile,
        };
        command.SetAction(async (parse, _) =>
        {
            var root = RepositoryRoot.Find();
            if (root is null)
            {
                await Console.Error.WriteLineAsync("Run bench inside the repository (it starts src/Firewall.Api).");
                return 2;
            }

            var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var target = parse.GetValue(url);
            var markdownPath = parse.GetValue(markdown) ?? Path.Combine(root, "bench", "RESULTS.md");
            var options = new BenchOptions
            {
                Scenarios = parse.GetValue(scenarios)!,
                Duration = TokenCommand.ParseDuration(parse.GetValue(duration)!),
                Warmup = TokenCommand.ParseDuration(parse.GetValue(warmup)!),
                Concurrency = parse.GetValue(concurrency),
                BatchSizes = parse.GetValue(batch)!,
                QueryRows = parse.GetValue(events),
                Url = target,
                SigningKey = target is null ? null : SigningKeyLocator.Load(null),
                OutputPath = parse.GetValue(output) ?? Path.Combine(root, "bench", "results", $"{stamp}.json"),
                MarkdownPath = markdownPath == "none" ? null : markdownPath,
                Postgres = Environment.GetEnvironmentVariable("FIREWALL_TEST_POSTGRES"),
                Redis = Environment.GetEnvironmentVariable("FIREWALL_TEST_REDIS"),
                RepositoryRoot = root,
                BuildApi = !parse.GetValue(noBuild),
                Profile = !parse.GetValue(noProfile),
                KestrelBaselineCommand = SelfCommand("bench-server"),
                CommandLine = "dotnet run -c Release --project src/Firewall.Cli -- bench " + string.Join(' ', parse.Tokens.Skip(1).Select(t => t.Value)),
                Progress = Console.Error,
            };
            var report = await BenchRunner.RunAsync(options);
            await Console.Out.WriteAsync(MarkdownReport.Render(report));
            await Console.Error.WriteLineAsync($"results: {options.OutputPath}{(options.MarkdownPath is null ? "" : $", {options.MarkdownPath}")}");
            return report.Results.Any(r => r.Errors > 0) ? 1 : 0;
        });
        return command;
    }

    /// <summary>This program with a subcommand: the apphost directly, or <c>dotnet firewall.dll</c>.</summary>
    private static string[] SelfCommand(string subcommand)
    {
        var process = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, typeof(BenchCommand).Assembly.Location, subcommand]
            : [process, subcommand];
    }
}
