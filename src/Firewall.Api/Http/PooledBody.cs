using System.Buffers;

namespace Firewall.Api.Http;

/// <summary>
/// A request body in a buffer rented from the shared pool, so a 1 MB batch is not a fresh large-object allocation per
/// request. Nothing may keep a slice of it past <see cref="Dispose"/>, which returns the buffer.
/// </summary>
internal sealed class PooledBody : IDisposable
{
    private byte[] _buffer;

    public PooledBody(int capacity) => _buffer = ArrayPool<byte>.Shared.Rent(capacity);

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>Room for at least one more byte: a larger buffer when this one is full.</summary>
    public Memory<byte> Free
    {
        get
        {
            if (Length == _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                _buffer.AsSpan(0, Length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            return _buffer.AsMemory(Length);
        }
    }

    public void Advance(int count) => Length += count;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        Length = 0;
    }
}
