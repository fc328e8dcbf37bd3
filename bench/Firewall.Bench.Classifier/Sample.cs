using Firewall.Core.Events;

namespace Firewall.Bench.Classifier;

/// <summary>One benchmark case: an event as an agent would post it, named for the results table.</summary>
public sealed record Sample(string Name, EventInput Input)
{
    public string Text => Input.Content ?? string.Empty;

    public override string ToString() => Name;
}
