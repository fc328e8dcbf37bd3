using System.CommandLine;
using System.Security.Cryptography;
using Firewall.Core.Auth;

namespace Firewall.Cli;

/// <summary><c>hash-secret</c>: makes a client secret (or takes one on stdin) and prints the hash to configure.</summary>
internal static class HashSecretCommand
{
    public static Command Create()
    {
        var fromStdin = new Option<bool>("--stdin") { Description = "read the secret from standard input instead of generating one" };
        var command = new Command("hash-secret", "Generate a client secret and the hash for Firewall:Auth:Clients") { fromStdin };
        command.SetAction(parse =>
        {
            var secret = parse.GetValue(fromStdin)
                ? Console.In.ReadLine()?.Trim() ?? ""
                : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            if (secret.Length < 16)
            {
                Console.Error.WriteLine("A client secret needs at least 16 characters.");
                return 2;
            }

            if (!parse.GetValue(fromStdin))
            {
                Console.WriteLine($"secret: {secret}");
            }

            Console.WriteLine($"hash:   {ClientSecretHash.Create(secret)}");
            return 0;
        });
        return command;
    }
}
