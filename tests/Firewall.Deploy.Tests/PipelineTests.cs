using System.Text.RegularExpressions;
using Firewall.Testing;
using YamlDotNet.RepresentationModel;

namespace Firewall.Deploy.Tests;

/// <summary>.gitlab-ci.yml parses, its jobs and stages agree, and its test job runs exactly the README's test command.</summary>
public sealed partial class PipelineTests
{
    private static readonly string[] Keywords = ["stages", "variables", "default", "workflow", "include", "image", "services", "cache", "before_script", "after_script"];

    private static readonly YamlMappingNode Pipeline = Load();

    private static IEnumerable<(string Name, YamlMappingNode Job)> Jobs =>
        Pipeline.Children.Where(c => !Keywords.Contains(Key(c.Key))).Select(c => (Key(c.Key), (YamlMappingNode)c.Value));

    [Fact]
    public void NoJobIsNamedLikeAGlobalKeyword() =>
        Assert.All(Pipeline.Children.Where(c => Keywords.Contains(Key(c.Key))), c =>
            Assert.False(c.Value is YamlMappingNode node && node.Children.ContainsKey("script"), $"'{Key(c.Key)}' is a GitLab keyword, so GitLab never runs it as a job"));

    [Fact]
    public void TheStagesAreBuildTestQualityImageDeployInThatOrder() =>
        Assert.Equal(["build", "test", "quality", "image", "deploy"], Sequence(Pipeline, "stages"));

    [Fact]
    public void EveryJobRunsInADeclaredStageAndHasAScript()
    {
        var stages = Sequence(Pipeline, "stages");
        foreach (var (name, job) in Jobs.Where(j => !j.Name.StartsWith('.')))
        {
            var resolved = Resolve(job);
            Assert.True(resolved.TryGetValue("stage", out var stage) && stages.Contains(stage.ToString()), $"{name}: stage");
            Assert.True(resolved.ContainsKey("script"), $"{name}: script");
        }
    }

    [Fact]
    public void TheTestJobsScriptIsExactlyTheReadmesTestCommand()
    {
        var readmeCommand = TestCommand().Match(File.ReadAllText(RepositoryRoot.File("README.md"))).Groups[1].Value;

        Assert.Equal("./scripts/test.sh", readmeCommand);
        Assert.Equal([readmeCommand], Sequence(Job("test"), "script"));
    }

    [Fact]
    public void TheTestJobRunsAgainstPostgresAndRedisJobServicesThatTheTestScriptIsToldToUse()
    {
        var test = Job("test");
        var aliases = ((YamlSequenceNode)test["services"]).Cast<YamlMappingNode>()
            .ToDictionary(s => s["alias"].ToString(), s => s["name"].ToString());
        var variables = (YamlMappingNode)test["variables"];
        var services = File.ReadAllText(RepositoryRoot.File("scripts", "services.sh"));

        Assert.StartsWith("postgres:15", aliases["postgres"], StringComparison.Ordinal);
        Assert.StartsWith("redis:7", aliases["redis"], StringComparison.Ordinal);
        Assert.Equal("external", variables["FIREWALL_SERVICES"].ToString());
        Assert.Contains("Host=postgres;", variables["FIREWALL_TEST_POSTGRES"].ToString(), StringComparison.Ordinal);
        Assert.StartsWith("redis:", variables["FIREWALL_TEST_REDIS"].ToString(), StringComparison.Ordinal);
        Assert.Contains("\"${FIREWALL_SERVICES:-}\" = external", services, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTestJobPublishesJUnitAndCoverageReportsWhereTheTestScriptWritesThem()
    {
        var reports = (YamlMappingNode)((YamlMappingNode)Job("test")["artifacts"])["reports"];
        var script = File.ReadAllText(RepositoryRoot.File("scripts", "test.sh"));

        Assert.Equal("TestResults/*.junit.xml", reports["junit"].ToString());
        var coverage = (YamlMappingNode)reports["coverage_report"];
        Assert.Equal("cobertura", coverage["coverage_format"].ToString());
        Assert.Equal("TestResults/*/coverage.cobertura.xml", coverage["path"].ToString());
        Assert.Equal("1", ((YamlMappingNode)Job("test")["variables"])["FIREWALL_COVERAGE"].ToString());
        Assert.Contains("\"${FIREWALL_COVERAGE:-}\" = 1", script, StringComparison.Ordinal);
        Assert.Contains("--results-directory TestResults", script, StringComparison.Ordinal);
        Assert.Contains("LogFileName={assembly}.junit.xml", script, StringComparison.Ordinal);
    }

    [Fact]
    public void TheQualityStageChecksFormattingAnalyzersAndVulnerablePackages()
    {
        var quality = Jobs.Where(j => Resolve(j.Job).TryGetValue("stage", out var s) && s.ToString() == "quality")
            .SelectMany(j => Sequence(j.Job, "script")).ToList();

        Assert.Contains(quality, s => s.Contains("dotnet format", StringComparison.Ordinal) && s.Contains("--verify-no-changes", StringComparison.Ordinal));
        Assert.Contains(quality, s => s.Contains("-warnaserror", StringComparison.Ordinal));
        Assert.Contains(quality, s => s.Contains("--vulnerable", StringComparison.Ordinal));
    }

    [Fact]
    public void TheImageIsBuiltWithoutADaemonAndTaggedWithTheCommit()
    {
        Assert.Contains("kaniko", ((YamlMappingNode)Job("container-image")["image"])["name"].ToString(), StringComparison.Ordinal);
        Assert.Contains("CI_COMMIT_SHORT_SHA", ((YamlMappingNode)Pipeline["variables"])["IMAGE"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DeploysMigrateFirstWaitForTheRolloutAndUndoItOnFailureWithProductionBehindAManualGate()
    {
        var script = string.Join('\n', Sequence(Job(".deploy"), "script"));

        Assert.True(script.IndexOf("job/firewall-migrate", StringComparison.Ordinal) < script.IndexOf("rollout status", StringComparison.Ordinal));
        Assert.Contains("rollout undo deployment/firewall", script, StringComparison.Ordinal);
        Assert.Equal("dev", ((YamlMappingNode)Job("deploy-staging")["variables"])["OVERLAY"].ToString());
        Assert.Equal("prod", ((YamlMappingNode)Job("deploy-production")["variables"])["OVERLAY"].ToString());
        Assert.Equal("manual", ((YamlMappingNode)((YamlSequenceNode)Job("deploy-production")["rules"])[0])["when"].ToString());
        Assert.True(Directory.Exists(RepositoryRoot.File("k8s", "overlays", "dev")) && Directory.Exists(RepositoryRoot.File("k8s", "overlays", "prod")));
    }

    private static YamlMappingNode Job(string name) => (YamlMappingNode)Pipeline[name];

    /// <summary>The job's keys with those of the templates it extends underneath.</summary>
    private static Dictionary<string, YamlNode> Resolve(YamlMappingNode job)
    {
        var keys = job.Children.ToDictionary(c => Key(c.Key), c => c.Value);
        if (keys.TryGetValue("extends", out var parent))
        {
            foreach (var (key, value) in Resolve(Job(parent.ToString())))
            {
                keys.TryAdd(key, value);
            }
        }

        return keys;
    }

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        [.. ((YamlSequenceNode)node[key]).Children.Select(c => c.ToString())];

    private static string Key(YamlNode node) => ((YamlScalarNode)node).Value!;

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepositoryRoot.File(".gitlab-ci.yml"))));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    [GeneratedRegex(@"^(\./scripts/\S+)\s+# run the full test suite", RegexOptions.Multiline)]
    private static partial Regex TestCommand();
}
