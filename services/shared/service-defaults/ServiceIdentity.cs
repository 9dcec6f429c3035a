namespace Trading.ServiceDefaults;

/// <summary>
/// Who this process is: the kebab-case service name prefixes its queues and names its telemetry,
/// and the snake_case schema holds its tables.
/// </summary>
public sealed record ServiceIdentity(string Name)
{
    public string Schema => Name.Replace('-', '_');

    public string MeterName => "Trading." + string.Concat(Name.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
