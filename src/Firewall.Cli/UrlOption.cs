using System.CommandLine;

namespace Firewall.Cli;

/// <summary><c>--url</c> as an absolute http(s) address; System.CommandLine has no parser for <see cref="Uri"/>.</summary>
internal static class UrlOption
{
    public static Option<Uri?> Create(string description) => new("--url")
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            {
                return url;
            }

            result.AddError($"--url '{text}' is not an http or https address.");
            return null;
        },
    };
}
