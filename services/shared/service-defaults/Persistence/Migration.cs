using System.Security.Cryptography;
using System.Text;

namespace Trading.ServiceDefaults.Persistence;

/// <summary>One forward-only SQL migration: <c>Id</c> is "assembly/NNNN_name.sql".</summary>
public sealed record Migration(string Id, string Sql)
{
    public string Checksum => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
}
