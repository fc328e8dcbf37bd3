using System.Globalization;

namespace Firewall.Testing;

/// <summary>
/// A small tmpfs mounted on a temp folder (root only: CI runs as root), to fill a store's disk on demand:
/// <see cref="FillAsync"/> writes a ballast file until no byte is left, <see cref="Free"/> deletes it. Disposing unmounts
/// (lazily, so a process that still holds a file open does not keep the mount) and removes the folder.
/// </summary>
public sealed class TinyFilesystem : IAsyncDisposable
{
    private TinyFilesystem(string path) => Path = path;

    public string Path { get; }

    private string Ballast => System.IO.Path.Combine(Path, "ballast");

    public static async Task<TinyFilesystem> MountAsync(int megabytes)
    {
        if (!Commands.IsRoot)
        {
            throw new InvalidOperationException("Mounting a tmpfs needs root; the fault suite runs as root in CI (.ci/run).");
        }

        var path = Directory.CreateTempSubdirectory("fw-tiny-").FullName;
        await Commands.RunAsync("mount", "-t", "tmpfs", "-o", string.Create(CultureInfo.InvariantCulture, $"size={megabytes}m,mode=0755"), "tmpfs", path);
        return new TinyFilesystem(path);
    }

    /// <summary>Writes the ballast until the filesystem is full; returns how many bytes it took.</summary>
    public async Task<long> FillAsync()
    {
        var chunk = new byte[64 * 1024];
        await using var ballast = new FileStream(Ballast, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                await ballast.WriteAsync(chunk);
            }
        }
        catch (IOException)
        {
            // ENOSPC: the write loop wrote what fit, to the last page.
        }

        return ballast.Length;
    }

    public void Free() => File.Delete(Ballast);

    public async ValueTask DisposeAsync()
    {
        await Commands.RunAsync("umount", "--lazy", Path);
        Directory.Delete(Path, recursive: true);
    }
}
