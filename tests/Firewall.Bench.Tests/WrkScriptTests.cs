using Firewall.Bench.Load;

namespace Firewall.Bench.Tests;

public sealed class WrkScriptTests
{
    [Fact]
    public void Lists_every_path_as_a_Lua_string_in_order()
    {
        var script = WrkScript.For(["/api/v1/events?minSeverity=high", "/health/live"]);

        Assert.Contains("""local paths = { "/api/v1/events?minSeverity=high", "/health/live" }""", script);
    }

    [Fact]
    public void Escapes_quotes_and_backslashes() =>
        Assert.Contains("""{ "/a\"b\\c" }""", WrkScript.For(["/a\"b\\c"]));

    [Fact]
    public void Needs_a_path() => Assert.Throws<ArgumentException>(() => WrkScript.For([]));
}
