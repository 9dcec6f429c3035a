using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Trading.Deploy.Tests.Compose;

public sealed partial class ComposeFileTests
{
    private static readonly ComposeFile Compose = ComposeFile.Load(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));

    public static TheoryData<string> Services => [.. ServiceSettings.Services];

    [Fact]
    public void Runs_the_whole_stack()
    {
        string[] expected =
        [
            "postgres", "rabbitmq", .. ServiceSettings.Services, "otel-collector", "prometheus", "tempo", "grafana",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Compose.Services.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_environment_key_of_a_service_is_a_setting_it_reads(string service)
    {
        var keys = ComposeFile.EnvironmentKeys(Compose.Services[service]);

        Assert.Contains("ConnectionStrings__Postgres", keys);
        Assert.Empty(ServiceSettings.Unknown(service, keys));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_service_exports_telemetry_to_the_collector(string service)
    {
        var definition = Compose.Services[service];
        var environment = ComposeFile.Map(definition, "environment");

        Assert.Contains("otel-collector:4317", ComposeFile.Text(environment, "OTEL_EXPORTER_OTLP_ENDPOINT"));
        Assert.Equal("grpc", ComposeFile.Text(environment, "OTEL_EXPORTER_OTLP_PROTOCOL"));
        Assert.Equal("service_started", ComposeFile.Dependencies(definition)["otel-collector"]);
    }

    [Fact]
    public void Binder_form_lines_of_env_example_are_settings_of_the_services_they_belong_to()
    {
        var keys = EnvExampleVariables().Where(key => key.Contains("__", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            var readers = ServiceSettings.ServicesReading(key.Split("__")[0]);
            Assert.True(readers.Count > 0, $"{key}: no service binds the section {key.Split("__")[0]}.");
            Assert.All(readers, service => Assert.True(
                ServiceSettings.Unknown(service, [key]).Count == 0, $"{key} is not a setting of {service}."));
        });
    }

    [Fact]
    public void Every_interpolated_variable_is_documented_in_env_example()
    {
        var documented = EnvExampleVariables().ToHashSet(StringComparer.Ordinal);

        var used = Scalars(Compose.Raw)
            .SelectMany(value => Interpolation().Matches(value.Replace("$$", "", StringComparison.Ordinal)))
            .Select(match => match.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);

        var undocumented = used.Where(name => !documented.Contains(name)).ToList();

        Assert.Contains("GRAFANA_ADMIN_PASSWORD", used);
        Assert.True(undocumented.Count == 0, $"Not documented in .env.example: {string.Join(", ", undocumented)}.");
    }

    [Fact]
    public void Every_build_target_and_argument_exists_in_the_dockerfile()
    {
        var builds = Compose.Services.Where(service => service.Value.ContainsKey("build")).ToList();

        Assert.Equal(ServiceSettings.Services.Order(StringComparer.Ordinal), builds.Select(build => build.Key).Order(StringComparer.Ordinal));
        Assert.All(builds, service =>
        {
            var build = ComposeFile.Map(service.Value, "build");
            var dockerfile = Path.Combine(Compose.Folder, ComposeFile.Text(build, "context") ?? ".", ComposeFile.Text(build, "dockerfile") ?? "Dockerfile");
            Assert.True(File.Exists(dockerfile), $"{service.Key}: no {dockerfile}.");
            var instructions = DockerfileInstructions.Load(dockerfile);
            if (ComposeFile.Text(build, "target") is { } target)
            {
                Assert.True(instructions.Stages.Contains(target), $"{service.Key}: build target '{target}' is no stage of {dockerfile}.");
            }

            foreach (var argument in ComposeFile.Map(build, "args").Keys)
            {
                Assert.True(instructions.Arguments.Contains(argument), $"{service.Key}: build arg {argument} is not declared with ARG in {dockerfile}.");
            }
        });
    }

    [Fact]
    public void The_dockerfile_builds_the_services_and_the_command_line()
    {
        var instructions = DockerfileInstructions.Load(Path.Combine(RepositoryRoot.Path, "build", "Dockerfile"));

        Assert.Contains("service", instructions.Stages);
        Assert.Contains("cli", instructions.Stages);
        Assert.Contains("SERVICE", instructions.Arguments);
        Assert.Contains("PROJECT", instructions.Arguments);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Build_arguments_name_the_project_of_the_service(string service)
    {
        var arguments = ComposeFile.Map(ComposeFile.Map(Compose.Services[service], "build"), "args");

        Assert.Equal(service, ComposeFile.Text(arguments, "SERVICE"));
        var project = Path.Combine(RepositoryRoot.Path, "services", service, ComposeFile.Text(arguments, "PROJECT") + ".csproj");
        Assert.True(File.Exists(project), $"{service}: no {project}.");
    }

    [Fact]
    public void Every_mounted_host_path_under_deploy_exists()
    {
        var sources = Compose.Services.Values
            .SelectMany(service => ComposeFile.List(service, "volumes"))
            .Select(volume => volume switch
            {
                string text => text.Split(':')[0],
                IReadOnlyDictionary<string, object?> map => ComposeFile.Text(map, "source"),
                _ => null,
            })
            .OfType<string>()
            .Where(source => source.StartsWith("./deploy/", StringComparison.Ordinal) || source.StartsWith("deploy/", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source =>
        {
            var path = Path.GetFullPath(Path.Combine(Compose.Folder, source));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{source} is mounted but does not exist.");
        });
    }

    [Fact]
    public void A_service_waited_for_as_healthy_has_a_healthcheck()
    {
        var healthy = Compose.Services
            .Where(service => ComposeFile.Map(service.Value, "healthcheck") is var check && check.Count > 0
                && !(ComposeFile.Text(check, "disable") is "true" or "True"))
            .Select(service => service.Key)
            .ToHashSet(StringComparer.Ordinal);

        var dependencies = Compose.Services
            .SelectMany(service => ComposeFile.Dependencies(service.Value)
                .Select(dependency => (Service: service.Key, Target: dependency.Key, Condition: dependency.Value)))
            .ToList();

        Assert.All(dependencies, dependency =>
        {
            Assert.True(Compose.Services.ContainsKey(dependency.Target), $"{dependency.Service} depends on {dependency.Target}, which is not a service.");
            Assert.True(
                dependency.Condition == "service_started" || healthy.Contains(dependency.Target),
                $"{dependency.Service} waits for {dependency.Target} to be {dependency.Condition}, but {dependency.Target} has no healthcheck.");
        });
        Assert.Superset(new HashSet<string>(["postgres", "rabbitmq", .. ServiceSettings.Services]), healthy);
    }

    [Fact]
    public void Published_ports_listen_on_loopback_only()
    {
        var ports = Compose.Services
            .SelectMany(service => ComposeFile.List(service.Value, "ports").Select(port => (service.Key, port)))
            .ToList();

        Assert.NotEmpty(ports);
        Assert.All(ports, entry => Assert.True(
            entry.port switch
            {
                string text => text.StartsWith("127.0.0.1:", StringComparison.Ordinal),
                IReadOnlyDictionary<string, object?> map => ComposeFile.Text(map, "host_ip") == "127.0.0.1",
                _ => false,
            },
            $"{entry.Key} publishes {entry.port} beyond 127.0.0.1."));
    }

    [Fact]
    public void Images_are_pinned_and_every_container_restarts()
    {
        Assert.All(Compose.Services, service =>
        {
            Assert.Equal("unless-stopped", ComposeFile.Text(service.Value, "restart"));
            if (ComposeFile.Text(service.Value, "image") is { } image)
            {
                var tag = image.Contains(':', StringComparison.Ordinal) ? image[(image.LastIndexOf(':') + 1)..] : "";
                Assert.True(tag.Length > 0 && tag != "latest" && !tag.Contains('/', StringComparison.Ordinal), $"{service.Key}: image {image} is not pinned to a version.");
            }
        });
    }

    [Fact]
    public void Grafana_reads_the_provisioning_and_dashboards_of_the_repository()
    {
        var mounts = ComposeFile.List(Compose.Services["grafana"], "volumes").OfType<string>().ToList();

        Assert.Contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro", mounts);
        Assert.Contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro", mounts);
    }

    private static IEnumerable<string> EnvExampleVariables() =>
        File.ReadLines(Path.Combine(RepositoryRoot.Path, ".env.example"))
            .Select(line => EnvLine().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups["name"].Value);

    // Compose interpolates values only, never comments, so the scan walks the parsed scalars.
    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value is { } value ? [value] : [],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.Values.SelectMany(Scalars),
        _ => [],
    };

    // VAR=value, or #VAR=value for a documented setting that is off by default.
    [GeneratedRegex(@"^\s*#?\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex EnvLine();

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)|\$(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Interpolation();
}
