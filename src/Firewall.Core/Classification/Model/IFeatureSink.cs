namespace Firewall.Core.Classification.Model;

/// <summary>
/// Receives a text's hashed features one occurrence at a time, with where in the view each starts. A struct
/// implementation, passed by reference, lets the scorer sum weights without allocating and the trainer collect buckets
/// with the same extraction code.
/// </summary>
public interface IFeatureSink
{
    /// <summary>Called first, with the length of the view the positions refer to.</summary>
    void Begin(int viewLength);

    /// <summary>A character n-gram: unreadable, so never part of an explanation.</summary>
    void AddCharacters(int bucket, int position);

    /// <summary>A word n-gram; <paramref name="words"/> is its text in the view, valid only during the call.</summary>
    void AddWords(int bucket, int position, ReadOnlySpan<char> words);
}
