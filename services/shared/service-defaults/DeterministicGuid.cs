using System.Security.Cryptography;
using System.Text;

namespace Trading.ServiceDefaults;

/// <summary>
/// A GUID derived from a name (RFC 9562 version 8, name-based with SHA-256), so that replaying the same input yields
/// the same id and the unique keys downstream recognise the replay.
/// </summary>
public static class DeterministicGuid
{
    public static Guid Create(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
