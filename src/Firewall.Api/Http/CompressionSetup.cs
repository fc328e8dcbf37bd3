using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Firewall.Api.Http;

/// <summary>
/// Brotli or gzip, as the client's Accept-Encoding asks, at the fastest level, for JSON answers only (event pages are
/// large and compress well; the live tail's text/event-stream is never buffered by a compressor).
/// </summary>
public static class CompressionSetup
{
    public static IHostApplicationBuilder AddFirewallCompression(this IHostApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            // Over TLS too: answers carry no secret next to attacker-chosen text (tokens travel in request headers, and
            // stored content is redacted), which is what a BREACH-style length attack needs.
            options.EnableForHttps = true;
            options.MimeTypes = ["application/json"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return builder;
    }
}
