using System.Security.Cryptography;
using System.Text;

namespace Trading.Execution;

/// <summary>
/// A GUID derived from a natural key (a version-5-style GUID over SHA-256), so replaying the same input produces the same ids.
/// </summary>
public static class DeterministicGuid
{
    public static Guid Create(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
