namespace Trading.Deploy.Tests.Compose;

public sealed class ServiceSettingsTests
{
    [Fact]
    public void Reports_a_misspelt_key_and_an_unknown_root()
    {
        var unknown = ServiceSettings.Unknown("risk", ["Risk__MaxOpenPositons", "Rsik__MaxOpenPositions", "Risk__MaxOpenPositions"]);

        Assert.Equal(["Risk__MaxOpenPositons", "Rsik__MaxOpenPositions"], unknown);
    }

    [Fact]
    public void Reports_misspelt_keys_inside_nested_options_and_list_items()
    {
        var unknown = ServiceSettings.Unknown("notification",
        [
            "Notification__Slack__0__WebhookUrl", "Notification__Slack__0__WebhookUlr", "Notification__Telegram__0__Silent__0",
            "Notification__Slack__1__Nope__Deeper",
        ]);

        Assert.Equal(["Notification__Slack__0__WebhookUlr", "Notification__Slack__1__Nope__Deeper"], unknown);
    }

    [Fact]
    public void Reports_a_section_that_only_another_service_reads()
    {
        var unknown = ServiceSettings.Unknown("signal", ["Risk__MaxOpenPositions", "Signal__Nope"]);

        Assert.Equal(["Risk__MaxOpenPositions", "Signal__Nope"], unknown);
    }

    [Fact]
    public void Accepts_connection_strings_messaging_logging_and_the_platform_variables()
    {
        var unknown = ServiceSettings.Unknown("execution",
        [
            "ConnectionStrings__Postgres", "ConnectionStrings__RabbitMq", "Messaging__PrefetchCount", "Messaging__RetryIntervals__0",
            "Logging__LogLevel__Default", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_METRIC_EXPORT_INTERVAL",
            "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "Execution__Mode",
        ]);

        Assert.Empty(unknown);
    }

    [Fact]
    public void Reports_other_connection_strings_unknown_telemetry_variables_and_bare_sections()
    {
        var unknown = ServiceSettings.Unknown("risk",
            ["ConnectionStrings__Redis", "OTEL_EXPORTER_OTLP_ENDPONT", "POSTGRES_USER", "Risk", "Messaging__Prefetch"]);

        Assert.Equal(["ConnectionStrings__Redis", "OTEL_EXPORTER_OTLP_ENDPONT", "POSTGRES_USER", "Risk", "Messaging__Prefetch"], unknown);
    }

    [Fact]
    public void Reads_the_sections_from_program_and_the_shared_messaging_section()
    {
        var sections = ServiceSettings.Sections("market-data");

        Assert.Equal(["LiveFeed", "MarketData", "Messaging", "Replay", "Scaling"], sections.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(typeof(Trading.MarketData.Replay.ReplayOptions), sections["Replay"]);
        Assert.Equal(["risk"], ServiceSettings.ServicesReading("Risk"));
        Assert.Equal(ServiceSettings.Services, ServiceSettings.ServicesReading("Messaging"));
    }
}
