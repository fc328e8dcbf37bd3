using System.Net;
using System.Text.Json.Nodes;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Firewall.Browser.Tests;

/// <summary>Event content is written by attackers: the console must show it as text, and nothing in it may run.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileContentTests(ConsoleHost host, Chromium chromium)
{
    private const string ImagePayload = "<img src=x onerror=\"window.__xss='img';alert('img')\">";
    private const string ScriptPayload = "<script>window.__xss='script';alert('script')</script>";
    private const string FramePayload = "<iframe src=\"javascript:alert('frame')\"></iframe>";

    [BrowserFact]
    public async Task Markup_in_every_field_renders_as_inert_text()
    {
        var agentId = Ingest.NewAgentId("xss");
        var body = Events.Valid(type: "insecure_output", content: $"render this: {ImagePayload} {ScriptPayload}");
        body["agentId"] = agentId;
        body["message"] = ScriptPayload;
        body["model"] = ImagePayload;
        body["attributes"] = new JsonObject { ["route"] = FramePayload };
        using var agent = host.Agent();
        using (var response = await agent.PostAsync(body))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        await using var console = await ConsolePage.SignedInAsync(chromium, host);
        await console.ApplyAsync(agentId);
        await Expect(console.Rows.First.Locator("td.content")).ToHaveTextAsync($"render this: {ImagePayload} {ScriptPayload}");
        await console.Rows.First.GetByRole(AriaRole.Button).ClickAsync();

        var dialog = console.Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator("pre.event-content")).ToHaveTextAsync($"render this: {ImagePayload} {ScriptPayload}");
        await Expect(dialog.Locator("p.message")).ToHaveTextAsync(ScriptPayload);
        await Expect(dialog).ToContainTextAsync(ImagePayload);
        await Expect(dialog).ToContainTextAsync(FramePayload.Replace("\"", "\\\"", StringComparison.Ordinal));

        // Nothing was created from the payloads, nothing ran, and no dialog opened (AssertNoProblems records dialogs).
        Assert.Equal(0, await console.Page.Locator("img, iframe").CountAsync());
        Assert.Equal(1, await console.Page.Locator("script").CountAsync());
        Assert.Null(await console.Page.EvaluateAsync<string?>("window.__xss ?? null"));
        console.AssertNoProblems();
    }
}
