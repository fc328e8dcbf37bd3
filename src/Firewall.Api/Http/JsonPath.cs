using System.Globalization;
using System.Text;

namespace Firewall.Api.Http;

/// <summary>Where a forward JSON reader is, named as error fields are: <c>content</c>, <c>attributes.k</c>, <c>events[3]</c>.</summary>
internal sealed class JsonPath(string rootName)
{
    // One frame per open object or array: the property being read in an object, the element index in an array.
    private readonly List<(bool IsArray, int Index, string? Name)> _frames = [];

    /// <summary>The field of the token just read.</summary>
    public string Current => Format(_frames.Count);

    /// <summary>The field of the object or array the reader is in.</summary>
    public string Container => Format(_frames.Count - 1);

    public void Open(bool isArray)
    {
        Value();
        _frames.Add((isArray, -1, null));
    }

    public void Close() => _frames.RemoveAt(_frames.Count - 1);

    public void Name(string name) => _frames[^1] = _frames[^1] with { Name = name };

    /// <summary>A value begins: in an array, that is the next element.</summary>
    public void Value()
    {
        if (_frames.Count > 0 && _frames[^1].IsArray)
        {
            _frames[^1] = _frames[^1] with { Index = _frames[^1].Index + 1 };
        }
    }

    private string Format(int frames)
    {
        var path = new StringBuilder();
        foreach (var (isArray, index, name) in _frames.Take(frames))
        {
            if (isArray)
            {
                path.Append(CultureInfo.InvariantCulture, $"[{index}]");
            }
            else if (!string.IsNullOrEmpty(name))
            {
                // A member named "" has no segment of its own: the path names the object that holds it.
                path.Append(path.Length == 0 ? "" : ".").Append(name);
            }
        }

        return path.Length == 0 ? rootName : path.ToString();
    }
}
