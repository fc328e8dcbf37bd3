using System.CommandLine;
using Firewall.Cli;

var root = new RootCommand("Firewall command-line tools")
{
    TokenCommand.Create(),
    HashSecretCommand.Create(),
    EvaluateDetectorsCommand.Create(),
    Firewall.Cli.Training.TrainDetectorCommand.Create(),
    BenchCommand.Create(),
    BenchServerCommand.Create(),
    SimulateCommand.Create(),
    DemoCommand.Create(),
};
return root.Parse(args).Invoke();
