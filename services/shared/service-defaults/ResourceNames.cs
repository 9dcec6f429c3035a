namespace Trading.ServiceDefaults;

/// <summary>Names of the connection strings every service reads (<c>ConnectionStrings__Postgres</c>, ...).</summary>
public static class ResourceNames
{
    public const string Postgres = "Postgres";
    public const string RabbitMq = "RabbitMq";
}
