using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Firewall.Core.Privacy;
using Firewall.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using StackExchange.Redis;

namespace Firewall.Api.Tests;

/// <summary>
/// An AWS access key and an e-mail address planted in every free-text field of an event appear nowhere: not in the
/// store's raw bytes (the SQLite file after a WAL checkpoint, a pg_dump), not in Redis once a page with the event is
/// cached, not in the API's own log output, and not in any HTTP answer (ingest, get by id, query, live tail).
/// The real binary runs, so the logs are what a container would print.
/// </summary>
public sealed class PlantedSecretsTests
{
    private const string PgDump = "/usr/lib/postgresql/15/bin/pg_dump";

    [Theory]
    [InlineData("sqlite", false)]
    [InlineData("sqlite", true)]
    [InlineData("postgres", false)]
    [InlineData("postgres", true)]
    public async Task APlantedKeyAndEmailAreNowhereInStoreCacheLogsOrAnswers(string store, bool pseudonyms)
    {
        var plant = new Plant();
        var pseudonymKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var prefix = $"plant-{Guid.NewGuid():N}";
        await using var database = store == "postgres" ? await PostgresDatabase.CreateAsync() : null;
        List<(string, string)> settings =
        [
            ("Serilog__MinimumLevel__Default", "Debug"),
            ("ConnectionStrings__Redis", TestServices.Redis),
            ("Firewall__Cache__RedisPrefix", prefix),
            ("Firewall__Privacy__PseudonymiseUserIds", pseudonyms ? "true" : "false"),
            ("Firewall__Privacy__PseudonymKey", pseudonymKey),
        ];
        if (database is not null)
        {
            settings.AddRange([("Firewall__Store__Provider", "postgres"), ("ConnectionStrings__Firewall", database.ConnectionString), ("Firewall__Store__MigrateOnStartup", "true")]);
        }

        using var api = await ServingApi.StartAsync([.. settings]);
        var (agent, analyst) = (api.ClientFor("agent"), api.ClientFor("analyst"));
        var answers = new StringBuilder();
        await using (var tail = await LiveStream.OpenAsync(analyst, $"?agentId={Uri.EscapeDataString(plant.StoredAgentId)}"))
        {
            var single = plant.Event();
            using var created = await agent.PostAsync(single);
            answers.AppendLine(await created.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var batch = await agent.PostAsync("/api/v1/events/batch", Events.Json(new JsonObject { ["events"] = new JsonArray(plant.Event()) }.ToJsonString()));
            answers.AppendLine(await batch.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, batch.StatusCode);

            var stored = await analyst.GetStringAsync(created.Headers.Location);
            answers.AppendLine(stored);
            plant.AssertStoredShape(JsonNode.Parse(stored)!, pseudonyms ? new Pseudonymiser(Convert.FromBase64String(pseudonymKey)) : null);

            var url = EventsUrl.For($"agentId={Uri.EscapeDataString(plant.StoredAgentId)}");
            var (first, page) = await analyst.QueryAsync(url);
            var (second, _) = await analyst.QueryAsync(url);
            Assert.Equal(("MISS", "HIT"), (first, second));
            Assert.Contains(single["eventId"]!.GetValue<string>(), page, StringComparison.Ordinal);
            answers.AppendLine(page);
            answers.AppendLine((await tail.NextEventAsync()).Event.GetRawText());
        }

        var redis = await RedisContentsAsync(prefix);
        Assert.Contains(plant.StoredAgentId, redis, StringComparison.Ordinal); // the cached page is there to be searched
        plant.AssertAbsent(redis, "Redis");
        plant.AssertAbsent(answers.ToString(), "the HTTP answers");

        await api.TerminateAsync();
        await api.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var log = await api.LogAsync();
        Assert.Contains("responded 201", log, StringComparison.Ordinal); // the request log lines were captured
        plant.AssertAbsent(log, "the API's log");
        Assert.DoesNotContain(pseudonymKey, log, StringComparison.Ordinal);

        var bytes = database is null ? SqliteFiles(api.DataPath) : await PgDumpAsync(database.ConnectionString);
        Assert.Contains(plant.StoredAgentId, bytes, StringComparison.Ordinal); // the rows are there to be searched
        plant.AssertAbsent(bytes, store);
    }

    [Fact]
    public async Task AnAgentIdTakenFromTheTokenSubjectIsRedactedToo()
    {
        var plant = new Plant();
        using var factory = new FirewallApiFactory();
        using var agent = factory.CreateClient();
        var token = AccessTokenFactory.Create(TestKeys.Settings, $"agent-{plant.Run} {plant.AwsKey} {plant.Email}", [Roles.Agent], DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = Events.Valid();
        body.Remove("agentId");

        using var created = await agent.PostAsync(body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(plant.StoredAgentId, JsonNode.Parse(await created.Content.ReadAsStringAsync())!["agentId"]!.GetValue<string>());
    }

    /// <summary>Every key under <paramref name="prefix"/> and every value it holds, whatever its type.</summary>
    private static async Task<string> RedisContentsAsync(string prefix)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(TestServices.Redis);
        var server = connection.GetServers().Single();
        var db = connection.GetDatabase();
        var text = new StringBuilder();
        await foreach (var key in server.KeysAsync(pattern: $"{prefix}:*"))
        {
            text.AppendLine(key.ToString());
            var values = await db.KeyTypeAsync(key) switch
            {
                RedisType.String => [await db.StringGetAsync(key)],
                RedisType.Hash => (await db.HashGetAllAsync(key)).SelectMany(e => new[] { e.Name, e.Value }).ToArray(),
                RedisType.List => await db.ListRangeAsync(key),
                RedisType.Set => await db.SetMembersAsync(key),
                RedisType.SortedSet => await db.SortedSetRangeByRankAsync(key),
                var other => throw new InvalidOperationException($"{key} is a {other}, which this test does not read"),
            };
            foreach (var value in values)
            {
                text.AppendLine(value.IsNull ? "" : Encoding.UTF8.GetString((byte[])value!));
            }
        }

        return text.ToString();
    }

    /// <summary>The SQLite folder's files as text, after the WAL is checkpointed into the database file.</summary>
    private static string SqliteFiles(string dataPath)
    {
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "firewall.db")};Pooling=false"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        return string.Concat(Directory.EnumerateFiles(dataPath, "*", SearchOption.AllDirectories).Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))));
    }

    private static async Task<string> PgDumpAsync(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(PgDump, ["-h", settings.Host!, "-p", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", settings.Username!, "-d", settings.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = settings.Password;
        using var dump = Process.Start(start)!;
        var output = dump.StandardOutput.ReadToEndAsync();
        var error = await dump.StandardError.ReadToEndAsync();
        await dump.WaitForExitAsync();
        Assert.True(dump.ExitCode == 0, $"pg_dump failed: {error}");
        return await output;
    }

    /// <summary>A fresh AWS-shaped key and e-mail address, planted in every free-text field.</summary>
    private sealed class Plant
    {
        public string Run { get; } = Guid.NewGuid().ToString("N")[..12];

        // AKIA and 16 characters of [A-Z0-9]: what the secret.aws_access_key rule matches; unique per run.
        public string AwsKey { get; } = "AKIA" + Convert.ToHexString(Guid.NewGuid().ToByteArray())[..16];

        // Searched for by its local part: a store or log that escaped the '@' must still be caught. Short enough that
        // "key e-mail" fits an attribute key (64 characters).
        public string EmailLocalPart { get; } = $"planted-{Guid.NewGuid():N}"[..20];

        public string Email => $"{EmailLocalPart}@example.com";

        private string Both => $"{AwsKey} {Email}";

        private const string BothMasked = "[REDACTED:aws_access_key] [REDACTED:email]";

        public string StoredAgentId => $"agent-{Run} {BothMasked}";

        public JsonObject Event()
        {
            var body = Events.Valid(type: "pii_leak", content: $"content {Both}");
            body["agentId"] = $"agent-{Run} {Both}";
            body["model"] = $"model {Both}";
            body["source"] = new JsonObject { ["ip"] = "203.0.113.7", ["userId"] = Email, ["sessionId"] = $"session {Both}" };
            body["message"] = $"message {Both}";
            body["attributes"] = new JsonObject { [Both] = $"value {Both}", [AwsKey] = 1, [Email] = 2 };
            return body;
        }

        public void AssertStoredShape(JsonNode stored, Pseudonymiser? pseudonymiser)
        {
            Assert.Equal(StoredAgentId, stored["agentId"]!.GetValue<string>());
            Assert.Equal($"model {BothMasked}", stored["model"]!.GetValue<string>());
            Assert.Equal("203.0.113.7", stored["source"]!["ip"]!.GetValue<string>());
            Assert.Equal(pseudonymiser?.User(Email) ?? "[REDACTED:email]", stored["source"]!["userId"]!.GetValue<string>());
            Assert.Equal(pseudonymiser?.Session($"session {Both}") ?? $"session {BothMasked}", stored["source"]!["sessionId"]!.GetValue<string>());
            Assert.Equal($"message {BothMasked}", stored["message"]!.GetValue<string>());
            Assert.Equal($"content {BothMasked}", stored["content"]!.GetValue<string>());
            var attributes = stored["attributes"]!.AsObject().ToDictionary(a => a.Key, a => a.Value!.ToJsonString());
            Assert.Equal(
                new Dictionary<string, string> { [BothMasked] = $"\"value {BothMasked}\"", ["[REDACTED:aws_access_key]"] = "1", ["[REDACTED:email]"] = "2" },
                attributes);
        }

        public void AssertAbsent(string text, string where)
        {
            Assert.False(text.Contains(AwsKey, StringComparison.Ordinal), $"the planted AWS key is in {where}");
            Assert.False(text.Contains(EmailLocalPart, StringComparison.Ordinal), $"the planted e-mail address is in {where}");
        }
    }
}
