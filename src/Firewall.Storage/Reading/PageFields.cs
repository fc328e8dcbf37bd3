namespace Firewall.Storage.Reading;

/// <summary>How much of each event a page carries: the content's excerpt (the default, docs/API.md) or the whole event.</summary>
public enum PageFields
{
    Excerpt,
    Full,
}
