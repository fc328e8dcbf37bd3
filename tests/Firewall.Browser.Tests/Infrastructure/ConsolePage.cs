using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Firewall.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Firewall.Browser.Tests.Infrastructure;

/// <summary>
/// The console in a fresh browser context (its own sessionStorage), with every script error, console error (CSP
/// violations among them) and dialog recorded, so a test can assert that nothing of the kind happened.
/// </summary>
public sealed class ConsolePage : IAsyncDisposable
{
    public static readonly ViewportSize Laptop = new() { Width = 1280, Height = 860 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];

    private ConsolePage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => _problems.Add($"script error: {error}");
        page.Dialog += async (_, dialog) =>
        {
            _problems.Add($"dialog: {dialog.Message}");
            await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    public ILocator Rows => Page.Locator("#events tbody tr");

    public ILocator EventsCache => Page.Locator("#events-status .cache");

    public static async Task<ConsolePage> OpenAsync(Chromium chromium, ConsoleHost host, ViewportSize? viewport = null)
    {
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = host.BaseUrl.ToString(), ViewportSize = viewport ?? Laptop, TimezoneId = "UTC", Locale = "en-GB" });
        context.SetDefaultTimeout(60_000);
        var console = new ConsolePage(context, await context.NewPageAsync());
        await console.Page.GotoAsync("/");
        await Expect(console.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in as an analyst" })).ToBeVisibleAsync();
        return console;
    }

    /// <summary>Opens the console and signs in with a pasted analyst token.</summary>
    public static async Task<ConsolePage> SignedInAsync(Chromium chromium, ConsoleHost host, ViewportSize? viewport = null)
    {
        var console = await OpenAsync(chromium, host, viewport);
        await console.SignInWithTokenAsync(TestKeys.TokenFor(Roles.Analyst));
        return console;
    }

    public async Task SignInWithTokenAsync(string token)
    {
        await Page.GetByLabel("Paste a bearer token").FillAsync(token);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Use token" }).ClickAsync();
        await Expect(Page.Locator("#workspace")).ToBeVisibleAsync();
        await Expect(EventsCache).ToBeVisibleAsync();
    }

    /// <summary>Shows only <paramref name="agentId"/>'s events (each test writes under its own agent ids) and applies.</summary>
    public async Task ApplyAsync(string agentId)
    {
        await Page.GetByLabel("Agent", new() { Exact = true }).FillAsync(agentId);
        await ApplyAsync();
    }

    /// <summary>Applies the filters and waits until the events query has answered afresh.</summary>
    public async Task ApplyAsync()
    {
        await Page.Locator("#events-status").EvaluateAsync("status => status.replaceChildren()");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(EventsCache).ToBeVisibleAsync();
    }

    /// <summary>Asserts that the table shows exactly the events <paramref name="ids"/>, in any order.</summary>
    public async Task ExpectRowsAsync(params long[] ids)
    {
        await Expect(Rows).ToHaveCountAsync(ids.Length);
        var shown = await Rows.EvaluateAllAsync<long[]>("rows => rows.map(row => Number(row.dataset.id))");
        Assert.Equal(ids.Order(), shown.Order());
    }

    /// <summary>Fails with what happened if the page raised a script error, logged an error or opened a dialog.</summary>
    public void AssertNoProblems() => Assert.True(_problems.Count == 0, string.Join("\n", _problems));

    /// <summary>
    /// A full-page PNG under TestResults/screenshots, or under FIREWALL_SCREENSHOTS_DIR (relative to the repository);
    /// the README's screenshots are refreshed with FIREWALL_SCREENSHOTS_DIR=docs/screenshots.
    /// </summary>
    public Task ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("FIREWALL_SCREENSHOTS_DIR") ?? Path.Combine("TestResults", "screenshots");
        return Page.ScreenshotAsync(new() { Path = RepositoryRoot.File(folder, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
