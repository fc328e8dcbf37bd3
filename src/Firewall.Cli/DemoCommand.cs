using System.CommandLine;
using Firewall.Bench.Hosting;
using Firewall.Cli.Demo;

namespace Firewall.Cli;

/// <summary>
/// <c>demo [--url U] [--pause] [--agent-id A]</c>: the cache-invalidation story step by step, against a running API or an instance
/// of its own. Exits 1 when a step does not show what it claims, so it doubles as a check.
/// </summary>
internal static class DemoCommand
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static Command Create()
    {
        var url = UrlOption.Create("a running API (default: start one on the embedded default, on a free port, and stop it at the end)");
        var pause = new Option<bool>("--pause") { Description = "wait for Enter before each request, for a live audience" };
        var agentToken = new Option<string?>("--agent-token") { Description = "with --url: an agent token (default: signed with the local key)" };
        var analystToken = new Option<string?>("--analyst-token") { Description = "with --url: an analyst token (default: signed with the local key)" };
        var noBuild = new Option<bool>("--no-build") { Description = "without --url: start the API as built, without building it first" };
        var agentId = new Option<string>("--agent-id")
        {
            Description = $"the agent the events are reported as and the query asks for (default: {CacheStory.DefaultAgentId}); another one starts from a cache entry of its own",
            DefaultValueFactory = _ => CacheStory.DefaultAgentId,
        };
        var command = new Command("demo", "Show the query cache: MISS, HIT, a low event leaves it, a high event invalidates it")
        {
            url, pause, agentToken, analystToken, noBuild, agentId,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DemoTarget target;
            try
            {
                target = parse.GetValue(url) is { } running
                    ? DemoTarget.Running(running, parse.GetValue(agentToken) ?? Mint("agent"), parse.GetValue(analystToken) ?? Mint("analyst"))
                    : await DemoTarget.StartAsync(new ApiBuild(
                        RepositoryRoot.Find() ?? throw new InvalidOperationException("Run demo inside the repository to start an API of its own, or pass --url."),
                        Configuration,
                        Build: !parse.GetValue(noBuild)), Console.Error);
            }
            catch (InvalidOperationException problem)
            {
                await Console.Error.WriteLineAsync(problem.Message);
                return 2;
            }

            await using (target)
            {
                using var http = new HttpClient { BaseAddress = target.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
                if (await ApiProbe.ProblemAsync(http) is { } unreachable)
                {
                    await Console.Error.WriteLineAsync(unreachable);
                    return 2;
                }

                var story = new CacheStory(http, target, parse.GetValue(agentId)!, Console.Out, parse.GetValue(pause) ? () => WaitForEnterAsync(cancellationToken) : null);
                return await story.RunAsync(cancellationToken) == 0 ? 0 : 1;
            }
        });
        return command;
    }

    private static string Mint(string role)
    {
        try
        {
            return LocalTokens.Mint(SigningKeyLocator.Load(null), $"cli-demo-{role}", [role], TimeSpan.FromMinutes(30));
        }
        catch (InvalidOperationException missing)
        {
            throw new InvalidOperationException($"{missing.Message}\nFor an instance whose key is not on this machine, pass --agent-token and --analyst-token.", missing);
        }
    }

    private static async Task WaitForEnterAsync(CancellationToken cancellationToken)
    {
        await Console.Out.WriteAsync("   (Enter to send) ");
        await Console.In.ReadLineAsync(cancellationToken);
    }
}
