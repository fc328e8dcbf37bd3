using Firewall.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Firewall.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LiveTailTests(ConsoleHost host, Chromium chromium)
{
    [BrowserFact]
    public async Task An_event_ingested_while_live_tail_is_on_arrives_at_the_top_highlighted()
    {
        var agentId = Ingest.NewAgentId("live");
        using var agent = host.Agent();
        var earlier = await agent.PostEventAsync(agentId);
        await using var console = await ConsolePage.SignedInAsync(chromium, host);
        await console.ApplyAsync(agentId);
        await console.ExpectRowsAsync(earlier);

        await console.Page.GetByLabel("Live tail").CheckAsync();
        await Expect(console.Page.Locator("#live-status")).ToContainTextAsync("connected");
        var arrived = await agent.PostEventAsync(agentId);

        var row = console.Page.Locator($"#events tbody tr.live-new[data-id='{arrived}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(console.Rows.First).ToHaveAttributeAsync("data-id", $"{arrived}");
        await Expect(console.Page.Locator($"#events tbody tr.live-new[data-id='{earlier}']")).ToHaveCountAsync(0);
        await console.ScreenshotAsync("live-tail");
        console.AssertNoProblems();
    }
}
