using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Firewall.Core.Events;

/// <summary>
/// XxHash128 of an event's fields fed straight to the hash, without writing JSON first: each present field as a tag and
/// its value, strings and raw numbers length-prefixed, so two payloads hash alike only when their fields are equal. The
/// eventId is left out (it is the idempotency key). Strings go in as UTF-16 code units, little-endian as on every
/// platform .NET runs this service on; a change to this layout is a change of the stored format (see <see cref="EventFingerprint"/>).
/// </summary>
internal static class PayloadHash
{
    private enum Field : byte
    {
        OccurredAt = 1,
        AgentId,
        Type,
        Action,
        Severity,
        Confidence,
        Model,
        Source,
        SourceIp,
        SourceUserId,
        SourceSessionId,
        Message,
        Content,
        Attributes,
    }

    // One hasher per thread, reset after each use: hashing allocates nothing but the result.
    [ThreadStatic]
    private static XxHash128? t_hash;

    public static byte[] Compute(EventInput input)
    {
        var hash = t_hash ??= new XxHash128();
        AddInt64(hash, Field.OccurredAt, input.OccurredAt?.UtcTicks);
        AddText(hash, Field.AgentId, input.AgentId);
        AddInt64(hash, Field.Type, (long?)input.Type);
        AddInt64(hash, Field.Action, (long?)input.Action);
        AddInt64(hash, Field.Severity, (long?)input.Severity);
        AddInt64(hash, Field.Confidence, input.Confidence is { } confidence ? BitConverter.DoubleToInt64Bits(confidence) : null);
        AddText(hash, Field.Model, input.Model);
        if (input.Source is { } source)
        {
            AddTag(hash, Field.Source);
            AddText(hash, Field.SourceIp, source.Ip);
            AddText(hash, Field.SourceUserId, source.UserId);
            AddText(hash, Field.SourceSessionId, source.SessionId);
        }

        AddText(hash, Field.Message, input.Message);
        AddText(hash, Field.Content, input.Content);
        if (input.Attributes is { } attributes)
        {
            AddInt64(hash, Field.Attributes, attributes.Count);
            foreach (var (key, value) in attributes)
            {
                AddLength(hash, key.Length);
                hash.Append(MemoryMarshal.AsBytes(key.AsSpan()));
                AddAttributeValue(hash, value);
            }
        }

        var result = new byte[16];
        hash.GetHashAndReset(result);
        return result;
    }

    /// <summary>A string by its text (escapes decoded, as before); anything else by its JSON text, so 1 and 1.0 differ as before.</summary>
    private static void AddAttributeValue(XxHash128 hash, JsonElement value)
    {
        hash.Append([(byte)value.ValueKind]);
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            AddLength(hash, text.Length);
            hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
            return;
        }

        var raw = JsonMarshal.GetRawUtf8Value(value);
        AddLength(hash, raw.Length);
        hash.Append(raw);
    }

    private static void AddTag(XxHash128 hash, Field field) => hash.Append([(byte)field]);

    private static void AddText(XxHash128 hash, Field field, string? text)
    {
        if (text is null)
        {
            return;
        }

        AddTag(hash, field);
        AddLength(hash, text.Length);
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private static void AddInt64(XxHash128 hash, Field field, long? value)
    {
        if (value is null)
        {
            return;
        }

        Span<byte> bytes = stackalloc byte[sizeof(long) + 1];
        bytes[0] = (byte)field;
        BinaryPrimitives.WriteInt64LittleEndian(bytes[1..], value.Value);
        hash.Append(bytes);
    }

    private static void AddLength(XxHash128 hash, int length)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, length);
        hash.Append(bytes);
    }
}
