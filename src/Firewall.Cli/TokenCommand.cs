using System.CommandLine;
using System.Globalization;
using Firewall.Core.Auth;

namespace Firewall.Cli;

/// <summary>
/// <c>token --role R [--sub S] [--ttl 15m]</c>: mints a token with the API's own key, from <c>Firewall__Auth__SigningKey</c>
/// or, for a local instance, the key the API generated in its data folder.
/// </summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var role = new Option<string[]>("--role") { Description = "agent, analyst or admin (repeat for several)", Required = true, AllowMultipleArgumentsPerToken = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var subject = new Option<string>("--sub") { Description = "the token's subject (defaults to cli-<role>)" };
        var ttl = new Option<string>("--ttl") { Description = "lifetime such as 90s, 15m, 2h", DefaultValueFactory = _ => "15m" };
        var dataPath = new Option<string?>("--data-path") { Description = "the API's data folder holding signing.key (default: Firewall__DataPath, ./data, or src/Firewall.Api/data)" };
        var command = new Command("token", "Print a signed access token for the local API") { role, subject, ttl, dataPath };
        command.SetAction(parse =>
        {
            var roles = parse.GetValue(role)!;
            byte[] key;
            try
            {
                key = SigningKeyLocator.Load(parse.GetValue(dataPath));
            }
            catch (InvalidOperationException problem)
            {
                Console.Error.WriteLine(problem.Message);
                return 1;
            }

            Console.WriteLine(LocalTokens.Mint(key, parse.GetValue(subject) ?? $"cli-{roles[0]}", roles, ParseDuration(parse.GetValue(ttl)!)));
            return 0;
        });
        return command;
    }

    /// <summary>"90s", "15m", "2h", "1d", or a TimeSpan such as 00:15:00.</summary>
    internal static TimeSpan ParseDuration(string text)
    {
        var units = new Dictionary<char, TimeSpan> { ['s'] = TimeSpan.FromSeconds(1), ['m'] = TimeSpan.FromMinutes(1), ['h'] = TimeSpan.FromHours(1), ['d'] = TimeSpan.FromDays(1) };
        if (text.Length > 1 && units.TryGetValue(text[^1], out var unit) && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            return unit * count;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
            ? span
            : throw new ArgumentException($"'{text}' is not a duration such as 90s, 15m or 2h.");
    }
}
