using System.Net;
using System.Text.RegularExpressions;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Testing;

namespace Firewall.Api.Tests;

/// <summary>The analyst console's files and the browser security headers, over HTTP; the browser tests drive the console itself.</summary>
public sealed partial class ConsoleTests(FirewallApiFactory factory) : IClassFixture<FirewallApiFactory>
{
    private const string StrictPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/js/main.js", "text/javascript")]
    [InlineData("/css/console.css", "text/css")]
    public async Task The_console_is_served_with_a_strict_content_security_policy(string path, string mediaType)
    {
        using var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(response);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/api/v1/events")]
    [InlineData("/no/such/page")]
    public async Task Errors_and_API_answers_carry_the_same_headers(string path)
    {
        using var response = await factory.CreateClient().GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound, response.StatusCode.ToString());
        AssertSecurityHeaders(response);
    }

    [Fact]
    public void The_page_has_no_inline_script_style_or_event_handler()
    {
        var html = File.ReadAllText(RepositoryRoot.File("src", "Firewall.Api", "wwwroot", "index.html"));

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(InlineHandlerOrStyle(), html);
    }

    [Fact]
    public void No_script_turns_strings_into_markup_or_code()
    {
        var scripts = Directory.GetFiles(RepositoryRoot.File("src", "Firewall.Api", "wwwroot", "js"), "*.js");

        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.DoesNotMatch(HtmlSink(), File.ReadAllText(script));
        }
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(StrictPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\s(on\w+|style)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandlerOrStyle();

    [GeneratedRegex(@"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function|createContextualFragment|DOMParser")]
    private static partial Regex HtmlSink();
}
