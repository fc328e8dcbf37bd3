using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Firewall.Core.Classification.Model;

/// <summary>
/// The model file: "FWPM", format version, the JSON header's length and UTF-8 bytes, the bias (float), the weight
/// count and the weights as half-precision floats (little-endian), then the SHA-256 of everything before it. Weights are
/// stored as halves both to keep the file small and so that last-bit differences of training arithmetic vanish: the
/// same data gives the same bytes.
/// </summary>
public static class PromptModelFile
{
    public const int FormatVersion = 1;
    private const int HashLength = 32;
    private static readonly byte[] Magic = "FWPM"u8.ToArray();

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        // A figure that cannot be measured (one class only) is NaN, written as such rather than failing.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // A header missing a field or holding null where none is allowed is refused, not half-read.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static void Write(PromptModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        var header = JsonSerializer.SerializeToUtf8Bytes(model.Header, JsonOptions);
        var weights = model.Weights;
        var bytes = new byte[Magic.Length + 8 + header.Length + 8 + (2 * weights.Length) + HashLength];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        var at = Magic.Length;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(span[(at + 4)..], header.Length);
        at += 8;
        header.CopyTo(span[at..]);
        at += header.Length;
        BinaryPrimitives.WriteSingleLittleEndian(span[at..], model.Bias);
        BinaryPrimitives.WriteInt32LittleEndian(span[(at + 4)..], weights.Length);
        at += 8;
        foreach (var weight in weights)
        {
            BinaryPrimitives.WriteHalfLittleEndian(span[at..], (Half)weight);
            at += 2;
        }

        SHA256.HashData(span[..at], span[at..]);
        stream.Write(bytes);
    }

    public static PromptModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Read(copy.ToArray());
    }

    public static PromptModel Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Magic.Length + 16 + HashLength || !bytes.StartsWith(Magic))
        {
            throw new PromptModelException("This is not a prompt model file (no FWPM signature).");
        }

        var body = bytes[..^HashLength];
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes[^HashLength..]))
        {
            throw new PromptModelException("The model file is corrupt: its SHA-256 does not match its content.");
        }

        var at = Magic.Length;
        var format = BinaryPrimitives.ReadInt32LittleEndian(body[at..]);
        if (format != FormatVersion)
        {
            throw new PromptModelException($"The model file has format {format}; this code reads format {FormatVersion}.");
        }

        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(body[(at + 4)..]);
        at += 8;
        if (headerLength < 2 || headerLength > body.Length - at - 8)
        {
            throw new PromptModelException($"The model file's header length {headerLength} does not fit the file.");
        }

        var header = ReadHeader(body.Slice(at, headerLength));
        at += headerLength;
        var bias = BinaryPrimitives.ReadSingleLittleEndian(body[at..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(body[(at + 4)..]);
        at += 8;
        if (count < 0 || (long)count * 2 != body.Length - at)
        {
            throw new PromptModelException($"The model file declares {count} weights but holds {(body.Length - at) / 2}.");
        }

        var weights = new float[count];
        for (var i = 0; i < count; i++, at += 2)
        {
            weights[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(body[at..]);
        }

        return new PromptModel(header, bias, weights);
    }

    private static PromptModelHeader ReadHeader(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<PromptModelHeader>(json, JsonOptions)
                ?? throw new PromptModelException("The model file's header is empty.");
        }
        catch (JsonException e)
        {
            throw new PromptModelException($"The model file's header is not the expected JSON: {e.Message}", e);
        }
    }
}
