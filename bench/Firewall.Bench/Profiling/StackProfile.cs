namespace Firewall.Bench.Profiling;

/// <summary>
/// One frame (a method, without its parameter list) and the share of busy samples it was in; for a frame on top of the
/// stack, the application's frame it was most often reached from.
/// </summary>
public sealed record FrameShare(string Frame, double Share, string? Via = null);

/// <summary>
/// What a profile of the API says: how many thread samples were busy (not waiting), and the frames with the largest
/// share of them, inclusive (anywhere on the stack) and exclusive (on top). <see cref="Note"/> says why there is none.
/// </summary>
public sealed record StackProfile(
    string Variant, string? TraceFile, long BusySamples, long IdleSamples, IReadOnlyList<FrameShare> Inclusive, IReadOnlyList<FrameShare> Exclusive, string? Note = null)
{
    public static StackProfile Unavailable(string variant, string why) => new(variant, null, 0, 0, [], [], why);
}
