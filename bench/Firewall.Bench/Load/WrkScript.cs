namespace Firewall.Bench.Load;

/// <summary>
/// The Lua script wrk runs: <c>request()</c> cycles the paths (each thread from its own offset), <c>response()</c>
/// counts statuses and X-Cache hits, which wrk itself does not see, and <c>done()</c> prints one JSON line that
/// <see cref="WrkSummary"/> reads.
/// </summary>
public static class WrkScript
{
    public static string For(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            throw new ArgumentException("wrk needs at least one path.", nameof(paths));
        }

        var table = string.Join(", ", paths.Select(path => $"\"{path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\""));

        return $$$"""
            local paths = { {{{table}}} }
            local threads = {}

            function setup(thread)
              thread:set("offset", #threads)
              table.insert(threads, thread)
            end

            function init(args)
              index = offset or 0
              statuses, hits, lookups = {}, 0, 0
            end

            function request()
              index = index % #paths + 1
              return wrk.format("GET", paths[index])
            end

            function response(status, headers, body)
              local key = tostring(status)
              statuses[key] = (statuses[key] or 0) + 1
              local cache = headers["X-Cache"] or headers["x-cache"]
              if cache then
                lookups = lookups + 1
                if string.upper(cache) == "HIT" then hits = hits + 1 end
              end
            end

            function done(summary, latency, requests)
              local counts, hit, lookup = {}, 0, 0
              for _, thread in ipairs(threads) do
                for key, count in pairs(thread:get("statuses")) do counts[key] = (counts[key] or 0) + count end
                hit = hit + thread:get("hits")
                lookup = lookup + thread:get("lookups")
              end
              local parts = {}
              for key, count in pairs(counts) do table.insert(parts, string.format('"%s":%.0f', key, count)) end
              local e = summary.errors
              io.write(string.format(
                '\n{"seconds":%.6f,"requests":%.0f,"socketErrors":%.0f,"hits":%.0f,"lookups":%.0f,"p50Us":%.0f,"p99Us":%.0f,"maxUs":%.0f,"statuses":{%s}}\n',
                summary.duration / 1e6, summary.requests, e.connect + e.read + e.write + e.timeout, hit, lookup,
                latency:percentile(50), latency:percentile(99), latency.max, table.concat(parts, ",")))
            end
            """;
    }
}
