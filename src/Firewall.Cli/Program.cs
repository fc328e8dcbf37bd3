using System.CommandLine;
using Firewall.Cli;

var root = new RootCommand("Firewall command-line tools");
root.Subcommands.Add(EvaluateDetectorsCommand.Create());
return root.Parse(args).Invoke();
