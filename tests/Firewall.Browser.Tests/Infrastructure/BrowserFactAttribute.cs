namespace Firewall.Browser.Tests.Infrastructure;

/// <summary>
/// A browser test. It runs wherever Chromium is installed, and fails with instructions where it is not, unless the
/// environment opts out explicitly with FIREWALL_BROWSER_TESTS=skip: a silently skipped browser suite proves nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string SkipVariable = "FIREWALL_BROWSER_TESTS";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium.ExecutablePath) && Environment.GetEnvironmentVariable(SkipVariable) == "skip")
        {
            Skip = $"Chromium is not installed at {Chromium.ExecutablePath} and {SkipVariable}=skip.";
        }
    }
}
