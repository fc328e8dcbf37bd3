using Firewall.Api.Tests.Infrastructure;
using Firewall.Browser.Tests.Infrastructure;
using Firewall.Core.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Firewall.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(ConsoleHost host, Chromium chromium)
{
    [BrowserFact]
    public async Task A_pasted_analyst_token_signs_in_and_is_kept_in_session_storage_only()
    {
        await using var console = await ConsolePage.OpenAsync(chromium, host);
        await console.ScreenshotAsync("sign-in");

        var token = TestKeys.TokenFor(Roles.Analyst);
        await console.SignInWithTokenAsync(token);

        await Expect(console.Page.Locator("#session-who")).ToContainTextAsync("(analyst)");
        Assert.Equal(token, await console.Page.EvaluateAsync<string>("sessionStorage.getItem('firewall.token')"));
        Assert.Equal(0, await console.Page.EvaluateAsync<int>("localStorage.length"));

        // A reload in the same tab keeps the session; signing out forgets the token.
        await console.Page.ReloadAsync();
        await Expect(console.Page.Locator("#workspace")).ToBeVisibleAsync();
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(console.Page.Locator("#sign-in")).ToBeVisibleAsync();
        Assert.Null(await console.Page.EvaluateAsync<string?>("sessionStorage.getItem('firewall.token')"));
        console.AssertNoProblems();
    }

    [BrowserFact]
    public async Task Client_credentials_sign_in_through_the_token_endpoint()
    {
        await using var console = await ConsolePage.OpenAsync(chromium, host);

        await console.Page.GetByLabel("Client id").FillAsync(ConsoleHost.ClientId);
        await console.Page.GetByLabel("Client secret").FillAsync(ConsoleHost.ClientSecret);
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(console.Page.Locator("#session-who")).ToContainTextAsync($"{ConsoleHost.ClientId} (analyst)");
        await Expect(console.EventsCache).ToBeVisibleAsync();
        console.AssertNoProblems();
    }

    [BrowserFact]
    public async Task A_wrong_secret_says_so_and_stays_signed_out()
    {
        await using var console = await ConsolePage.OpenAsync(chromium, host);

        await console.Page.GetByLabel("Client id").FillAsync(ConsoleHost.ClientId);
        await console.Page.GetByLabel("Client secret").FillAsync("not-the-secret");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(console.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Unknown client id or wrong secret.");
        await Expect(console.Page.Locator("#workspace")).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task An_agent_token_is_refused_with_the_role_it_lacks()
    {
        await using var console = await ConsolePage.OpenAsync(chromium, host);

        await console.Page.GetByLabel("Paste a bearer token").FillAsync(TestKeys.TokenFor(Roles.Agent));
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Use token" }).ClickAsync();

        await Expect(console.Page.Locator("#sign-in-error")).ToContainTextAsync("needs the analyst or admin role");
        await Expect(console.Page.Locator("#workspace")).ToBeHiddenAsync();
        Assert.Null(await console.Page.EvaluateAsync<string?>("sessionStorage.getItem('firewall.token')"));
    }

    [BrowserFact]
    public async Task A_token_signed_with_another_key_is_rejected()
    {
        await using var console = await ConsolePage.OpenAsync(chromium, host);

        await console.Page.GetByLabel("Paste a bearer token").FillAsync(TestKeys.TokenSignedWith(TestKeys.Foreign, Roles.Analyst));
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Use token" }).ClickAsync();

        await Expect(console.Page.Locator("#sign-in-error")).ToContainTextAsync("The token was rejected");
    }
}
