using Microsoft.Extensions.Configuration;

namespace Trading.ServiceDefaults.Configuration;

/// <summary>Reads a connection string that the service cannot run without.</summary>
public static class RequiredConnectionString
{
    public static string Get(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Missing configuration key 'ConnectionStrings:{name}' (environment variable ConnectionStrings__{name}).");
}
