using System.Buffers.Binary;
using System.Security.Cryptography;
using Firewall.Storage.Reading;
using Microsoft.AspNetCore.WebUtilities;

namespace Firewall.Api.Query;

/// <summary>
/// An opaque page cursor: the time window the first page used, the keyset position, and a check that binds it to the
/// query's filters, so a cursor reused with other filters or altered by hand is a 400, not a wrong page.
/// </summary>
internal sealed record Cursor(DateTimeOffset From, DateTimeOffset To, Keyset After)
{
    private const byte Version = 1;
    private const int PayloadLength = 1 + 4 * sizeof(long);
    private const int CheckLength = 16;
    private static readonly int[] TimeOffsets = [1, 9, 17];

    public string Encode(ReadOnlySpan<byte> filterBinding)
    {
        Span<byte> buffer = stackalloc byte[PayloadLength + CheckLength];
        buffer[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(buffer[1..], From.UtcTicks);
        BinaryPrimitives.WriteInt64BigEndian(buffer[9..], To.UtcTicks);
        BinaryPrimitives.WriteInt64BigEndian(buffer[17..], After.OccurredAt.UtcTicks);
        BinaryPrimitives.WriteInt64BigEndian(buffer[25..], After.Id);
        Check(buffer[..PayloadLength], filterBinding).CopyTo(buffer[PayloadLength..]);
        return WebEncoders.Base64UrlEncode(buffer);
    }

    public static Cursor? TryDecode(string text, ReadOnlySpan<byte> filterBinding)
    {
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(text);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length != PayloadLength + CheckLength || bytes[0] != Version
            || !CryptographicOperations.FixedTimeEquals(Check(bytes.AsSpan(0, PayloadLength), filterBinding), bytes.AsSpan(PayloadLength)))
        {
            return null;
        }

        var ticks = TimeOffsets.Select(offset => BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(offset))).ToArray();
        if (ticks.Any(t => t < DateTimeOffset.MinValue.UtcTicks || t > DateTimeOffset.MaxValue.UtcTicks))
        {
            return null;
        }

        var at = (long t) => new DateTimeOffset(t, TimeSpan.Zero);
        return new Cursor(at(ticks[0]), at(ticks[1]), new Keyset(at(ticks[2]), BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(25))));
    }

    private static byte[] Check(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> filterBinding)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(filterBinding);
        hash.AppendData(payload);
        return hash.GetHashAndReset()[..CheckLength];
    }
}
