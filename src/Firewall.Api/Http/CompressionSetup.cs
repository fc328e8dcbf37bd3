using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Firewall.Api.Http;

/// <summary>
/// gzip or Brotli, as the client's Accept-Encoding asks, at the fastest level, for JSON answers only (event pages are
/// large and compress well; the live tail's text/event-stream is never buffered by a compressor). Query answers choose
/// their coding through this same negotiation and send a copy compressed once per cache entry (<see cref="Caching.CachedJson"/>);
/// the middleware then sees their Content-Encoding and compresses only the other JSON answers.
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
            // gzip first: a client that accepts both gets gzip, measured about 2.5x cheaper per cached page than Brotli's
            // fastest level (bench/RESULTS.md, 2026-12-03 note); Brotli still answers a client that asks only for it.
            options.Providers.Add<GzipCompressionProvider>();
            options.Providers.Add<BrotliCompressionProvider>();
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return builder;
    }
}
