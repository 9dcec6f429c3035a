using System.Text.Json;

namespace Trading.ServiceDefaults.Outbox;

/// <summary>How outbox rows hold message bodies: the same web (camelCase) JSON that travels on the bus.</summary>
public static class OutboxJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Type name stored in a row: full name and assembly, without version, so a redeploy still resolves it.</summary>
    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
