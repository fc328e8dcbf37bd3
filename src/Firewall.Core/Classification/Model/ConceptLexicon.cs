using System.Collections.Frozen;
using Firewall.Core.Classification.Text;

namespace Firewall.Core.Classification.Model;

/// <summary>
/// Normalised words mapped to semantic classes ("ignore", "olvida", "vergiss" → DISREGARD), so that the model learns
/// what a phrase means rather than only the words it has seen. Read from <c>concepts.txt</c>: lines
/// <c>CLASS: word word …</c>, <c>#</c> starts a comment. Words are looked up by the hash <see cref="PromptFeatures"/>
/// computes while reading a word, so a lookup allocates nothing.
/// </summary>
public sealed class ConceptLexicon
{
    public const string EmbeddedResourceName = "Firewall.Core.Classification.Model.concepts.txt";

    /// <summary>Class ids are bytes from 1; 0 is never a class.</summary>
    public const int MaxClasses = byte.MaxValue;

    private readonly FrozenDictionary<uint, byte> _classOfWord;

    private ConceptLexicon(IReadOnlyList<string> classNames, FrozenDictionary<uint, byte> classOfWord)
    {
        ClassNames = classNames;
        _classOfWord = classOfWord;
    }

    /// <summary>The lexicon shipped in this assembly.</summary>
    public static ConceptLexicon Embedded { get; } = LoadEmbedded();

    /// <summary>Class names in order of first appearance; class id <c>i</c> is <c>ClassNames[i - 1]</c>.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    public int WordCount => _classOfWord.Count;

    /// <summary>The class of the word whose <see cref="FeatureHash.Of"/> is <paramref name="wordHash"/>.</summary>
    public bool TryGetClass(uint wordHash, out byte conceptClass) => _classOfWord.TryGetValue(wordHash, out conceptClass);

    /// <summary>The class name of <paramref name="word"/> (a normalised word), or null when it has none.</summary>
    public string? ClassOf(string word) =>
        TryGetClass(FeatureHash.Of(word), out var id) ? ClassNames[id - 1] : null;

    /// <summary>Reads a lexicon; throws <see cref="FormatException"/> naming the line of a malformed entry.</summary>
    public static ConceptLexicon Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var names = new List<string>();
        var classOfWord = new Dictionary<uint, byte>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var content = line.Split('#', 2)[0].Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var colon = content.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? content[..colon].Trim() : "";
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterUpper(c) || c == '_'))
            {
                throw new FormatException($"Concept lexicon line {lineNumber}: expected 'CLASS: word word ...' with an upper-case class name.");
            }

            var id = ClassId(names, name, lineNumber);
            foreach (var word in content[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Add(classOfWord, word, id, names, lineNumber);
            }
        }

        return new ConceptLexicon(names, classOfWord.ToFrozenDictionary());
    }

    private static byte ClassId(List<string> names, string name, int lineNumber)
    {
        var index = names.IndexOf(name);
        if (index < 0)
        {
            if (names.Count == MaxClasses)
            {
                throw new FormatException($"Concept lexicon line {lineNumber}: more than {MaxClasses} classes.");
            }

            names.Add(name);
            index = names.Count - 1;
        }

        return (byte)(index + 1);
    }

    // A word must be one word exactly as the features see it, or it would never be looked up.
    private static void Add(Dictionary<uint, byte> classOfWord, string word, byte id, List<string> names, int lineNumber)
    {
        if (!word.All(char.IsLetterOrDigit) || TextNormaliser.Normalise(word) != word)
        {
            throw new FormatException($"Concept lexicon line {lineNumber}: '{word}' is not a single normalised word (lower case, letters and digits, no diacritics).");
        }

        var hash = FeatureHash.Of(word);
        if (classOfWord.TryGetValue(hash, out var existing) && existing != id)
        {
            throw new FormatException($"Concept lexicon line {lineNumber}: '{word}' is already in class {names[existing - 1]}.");
        }

        classOfWord[hash] = id;
    }

    private static ConceptLexicon LoadEmbedded()
    {
        using var stream = typeof(ConceptLexicon).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"The embedded concept lexicon '{EmbeddedResourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
