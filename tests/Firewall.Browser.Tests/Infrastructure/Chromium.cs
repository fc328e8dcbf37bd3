using Microsoft.Playwright;

namespace Firewall.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's headless Chromium driven by Playwright's bundled driver; Playwright never downloads a browser here.
/// scripts/test.sh installs the package when it is missing.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("FIREWALL_CHROMIUM") ?? "/usr/bin/chromium";

    // Without the background-networking switches Chromium keeps dialling Google's hosts, which this closed network refuses.
    private static readonly string[] Switches =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The running browser; a test that asks for it where Chromium is missing fails with what to do.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(
        $"No Chromium at {ExecutablePath}. Install Debian's package (sudo apt-get install chromium), run ./scripts/test.sh, " +
        $"or set {BrowserFactAttribute.SkipVariable}=skip to skip the browser tests.");

    public async Task InitializeAsync()
    {
        // Skipped tests (BrowserFactAttribute) still get the collection's fixtures: only start what is there.
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        // Generous waits: two cores shared with other builds can stall a page for seconds (the default is 5 s).
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = Switches });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
