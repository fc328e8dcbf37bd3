using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Firewall.Core.Events;

namespace Firewall.Core.Classification;

/// <summary>Reads a rule set from JSON and validates all of it, so a bad rule fails at start-up, not on the first event.</summary>
public static class RuleSetLoader
{
    public const string EmbeddedResourceName = "Firewall.Core.Classification.Rules.ruleset.json";

    /// <summary>
    /// Bounds any one regex match, so hostile input cannot hang ingestion. Not tighter: on a loaded 2-core machine a
    /// NonBacktracking rule meeting new text builds automaton states inside the match, and 100 ms was seen exceeded by
    /// ordinary text, which would mask a clean field as unscanned.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(500);

    public const double MaxWeight = 10;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters =
        {
            new JsonStringEnumConverter<EventType>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false),
            new JsonStringEnumConverter<Severity>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
            new JsonStringEnumConverter<OwaspCategory>(namingPolicy: null, allowIntegerValues: false),
        },
    };

    /// <summary>The rule set embedded in this assembly.</summary>
    public static RuleSet LoadEmbedded()
    {
        using var stream = typeof(RuleSetLoader).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new RuleSetException($"The embedded rule set '{EmbeddedResourceName}' is missing from the assembly.");
        return Load(stream);
    }

    public static RuleSet Load(Stream json)
    {
        RuleSetDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<RuleSetDocument>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new RuleSetException($"The rule set is not valid JSON of the expected shape at {e.Path}: {e.Message}", e);
        }

        return Validate(document ?? throw new RuleSetException("The rule set is empty."));
    }

    public static RuleSet Load(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return Load(stream);
    }

    private static RuleSet Validate(RuleSetDocument d)
    {
        if (string.IsNullOrWhiteSpace(d.Version))
        {
            throw new RuleSetException("The rule set has no 'version'.");
        }

        if (d.InjectionThreshold is not { } threshold || threshold is not (> 0 and <= MaxWeight))
        {
            throw new RuleSetException($"'injectionThreshold' must be in (0, {MaxWeight}].");
        }

        if (d.Flooding is not { ContentNearLimitRatio: > 0 and <= 1, MaxTokens: > 0 })
        {
            throw new RuleSetException("'flooding' needs contentNearLimitRatio in (0, 1] and a positive maxTokens.");
        }

        var missingTypes = Enum.GetValues<EventType>().Where(t => d.Types?.ContainsKey(t) != true).ToList();
        if (missingTypes.Count > 0)
        {
            throw new RuleSetException($"'types' has no profile for: {string.Join(", ", missingTypes)}.");
        }

        var types = d.Types!.ToDictionary(
            p => p.Key,
            p => new TypeProfile(
                p.Value.Category ?? throw new RuleSetException($"Type '{p.Key}' has no category."),
                p.Value.Baseline ?? throw new RuleSetException($"Type '{p.Key}' has no baseline severity.")));

        if (d.Rules is not { Count: > 0 })
        {
            throw new RuleSetException("The rule set has no 'rules'.");
        }

        if (d.Rules.Count > RuleMask.Capacity)
        {
            throw new RuleSetException($"The rule set has {d.Rules.Count} rules; at most {RuleMask.Capacity} fit a rule mask.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rules = d.Rules.Select((r, i) => Compile(r, i, ids)).ToList();
        return new RuleSet(d.Version, threshold, d.Flooding, types, rules);
    }

    private static Rule Compile(RuleDocument r, int index, HashSet<string> ids)
    {
        var name = string.IsNullOrWhiteSpace(r.Id) ? $"rules[{index}]" : $"rule '{r.Id}'";
        RuleSetException Bad(string why) => new($"The {name} is invalid: {why}");

        if (string.IsNullOrWhiteSpace(r.Id))
        {
            throw Bad("it has no id.");
        }

        if (!ids.Add(r.Id))
        {
            throw Bad("its id is used by another rule.");
        }

        if (r.Detector is null || !Detectors.All.Contains(r.Detector))
        {
            throw Bad($"detector must be one of {string.Join(", ", Detectors.All)}.");
        }

        if (string.IsNullOrWhiteSpace(r.Kind) || string.IsNullOrWhiteSpace(r.Pattern) || r.Severity is null || r.Category is null)
        {
            throw Bad("kind, pattern, severity and category are required.");
        }

        var weight = r.Weight ?? (r.Detector == Detectors.PromptInjection ? throw Bad("a prompt-injection rule needs a weight.") : 1);
        if (weight is not (> 0 and <= MaxWeight))
        {
            throw Bad($"weight must be in (0, {MaxWeight}].");
        }

        MatchValidator? validator = null;
        if (r.Validator is not null && !MatchValidators.ByName.TryGetValue(r.Validator, out validator))
        {
            throw Bad($"validator '{r.Validator}' is not one of {string.Join(", ", MatchValidators.ByName.Keys)}.");
        }

        MatchScanner? scanner = null;
        if (r.Scanner is not null && !MatchScanners.ByName.TryGetValue(r.Scanner, out scanner))
        {
            throw Bad($"scanner '{r.Scanner}' is not one of {string.Join(", ", MatchScanners.ByName.Keys)}.");
        }

        // NonBacktracking runs in time linear in the text, for the patterns that backtrack a lot on dense text
        // (lazy gaps between keyword lists); it has no lookarounds or backreferences, and compiles to its own automaton.
        var engine = r.NonBacktracking ? RegexOptions.NonBacktracking : RegexOptions.Compiled;
        var options = engine | RegexOptions.CultureInvariant | (r.IgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        Regex regex;
        try
        {
            regex = new Regex(r.Pattern, options, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new RuleSetException($"The {name} is invalid: its pattern does not compile: {e.Message}", e);
        }
        catch (NotSupportedException e)
        {
            throw new RuleSetException($"The {name} is invalid: its pattern cannot run without backtracking: {e.Message}", e);
        }

        // ASCII only: the hint index looks words up by their first character, and only ASCII ignores case simply.
        if (r.Hints?.Any(h => h.Length == 0 || !Ascii.IsValid(h)) == true)
        {
            throw Bad("a hint must be non-empty ASCII text.");
        }

        var hints = r.Hints is { Count: > 0 } ? r.Hints.AsReadOnly() : null;
        WarmUp(regex, r.Hints);
        return new Rule(r.Id, r.Detector, r.Kind, regex, weight, r.Severity.Value, r.Category.Value, hints, validator, scanner) { Index = index };
    }

    // A regex's first match compiles its matcher (JIT, or the NonBacktracking automaton) inside the match timeout, which a
    // busy machine can exceed: the first event would then be masked as unscanned. Pay that at load instead.
    private static void WarmUp(Regex regex, List<string>? hints)
    {
        try
        {
            _ = regex.Count(string.Join(' ', hints ?? []) + " Aa0 -_.:/@+=\n");
        }
        catch (RegexMatchTimeoutException)
        {
            // Only the warm-up was slow; matching is bounded as ever.
        }
    }
}
