using System.CommandLine;
using Firewall.Bench.Baselines;

namespace Firewall.Cli;

/// <summary><c>bench-server --url U</c>: the minimal Kestrel baseline, started by <c>bench</c> as its own process.</summary>
internal static class BenchServerCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "where to listen, such as http://127.0.0.1:5099", Required = true };
        var command = new Command("bench-server", "The minimal Kestrel server the benchmark compares the API with") { url };
        command.Hidden = true;
        command.SetAction((parse, _) => MinimalKestrel.RunAsync(parse.GetValue(url)!));
        return command;
    }
}
