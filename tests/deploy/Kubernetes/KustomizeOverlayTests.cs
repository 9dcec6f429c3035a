using YamlDotNet.RepresentationModel;

namespace Trading.Deploy.Tests.Kubernetes;

/// <summary>
/// Renders deploy/k8s/overlays/dev and prod with the kubectl that build/kubectl.sh provides and checks what a cluster would
/// get: health probes, resources, a non-root security context, the workload kind each service's scaling needs, and that
/// every autoscaler, disruption budget, Secret, ConfigMap and Service refers to something real.
/// </summary>
public sealed class KustomizeOverlayTests(KustomizeRenderings renderings) : IClassFixture<KustomizeRenderings>
{
    private const string Port = "8080";

    private const string PodIndexField = "metadata.labels['apps.kubernetes.io/pod-index']";

    private static readonly string[] Services = ["market-data", "candle-builder", "signal", "risk", "execution", "notification"];

    private static readonly string[] Infrastructure = ["rabbitmq", "postgres"];

    // The partitioned services and the settings section that holds their Instance and Instances.
    private static readonly Dictionary<string, string> Partitioned = new()
    {
        ["candle-builder"] = "CandleBuilder",
        ["signal"] = "Signal",
    };

    public static TheoryData<string> Overlays => new() { "dev", "prod" };

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Renders_every_service_exactly_once_as_the_workload_kind_its_scaling_needs(string overlay)
    {
        var rendered = renderings.Overlay(overlay);

        var problems = Services.Select(service =>
        {
            var kinds = rendered.Workloads.Where(workload => workload.Name == service).Select(workload => workload.Kind).ToList();
            var expected = Partitioned.ContainsKey(service) ? "StatefulSet" : "Deployment";
            return kinds.SequenceEqual([expected]) ? null : $"{service}: rendered as [{string.Join(", ", kinds)}], expected one {expected}";
        }).OfType<string>();

        NoProblems(problems);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Service_containers_probe_health_endpoints_on_port_8080(string overlay)
    {
        var rendered = renderings.Overlay(overlay);

        var problems = ServiceWorkloads(rendered).SelectMany(workload => workload.Containers.SelectMany(container => new[]
        {
            ProbeProblem(workload, container, "readinessProbe", "/health/ready"),
            ProbeProblem(workload, container, "livenessProbe", "/health/live"),
        })).OfType<string>();

        Assert.NotEmpty(ServiceWorkloads(rendered));
        NoProblems(problems);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_container_has_readiness_and_liveness_probes(string overlay)
    {
        var rendered = renderings.Overlay(overlay);

        var problems = rendered.Workloads.SelectMany(workload => workload.PodSpec.Items("containers").SelectMany(container =>
            new[] { "readinessProbe", "livenessProbe" }
                .Where(probe => !HasHandler(container.At(probe)))
                .Select(probe => $"{workload}/{container.Text("name")}: no {probe}")));

        NoProblems(problems);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_container_requests_and_limits_cpu_and_memory(string overlay)
    {
        var rendered = renderings.Overlay(overlay);

        var problems = rendered.Workloads.SelectMany(workload => workload.Containers.SelectMany(container =>
            from bound in new[] { "requests", "limits" }
            from resource in new[] { "cpu", "memory" }
            where string.IsNullOrWhiteSpace(container.Text("resources", bound, resource))
            select $"{workload}/{container.Text("name")}: no resources.{bound}.{resource}"));

        Assert.NotEmpty(rendered.Workloads);
        NoProblems(problems);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_container_runs_as_non_root_without_privilege_escalation_on_a_read_only_root(string overlay)
    {
        var rendered = renderings.Overlay(overlay);

        var problems = rendered.Workloads.SelectMany(workload => workload.Containers.SelectMany(container =>
            SecurityProblems(workload, container).Select(problem => $"{workload}/{container.Text("name")}: {problem}")));

        NoProblems(problems);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Partitioned_services_take_their_instance_from_the_pod_index_and_count_their_replicas(string overlay)
    {
        var rendered = renderings.Overlay(overlay);

        foreach (var (service, section) in Partitioned)
        {
            var workload = rendered.Workload(service);
            var environment = workload.PodSpec.Items("containers").Single().Items("env");
            var instance = environment.Single(variable => variable.Text("name") == $"{section}__Instance");
            var instances = environment.Single(variable => variable.Text("name") == $"{section}__Instances");
            var governing = rendered.Find("Service", workload.Manifest.Text("spec", "serviceName") ?? "");

            Assert.True(instance.Text("valueFrom", "fieldRef", "fieldPath") == PodIndexField, $"{service}: {section}__Instance does not come from {PodIndexField}");
            Assert.True(instances.Text("value") == $"{workload.Replicas}", $"{service}: {section}__Instances is {instances.Text("value")}, the replicas {workload.Replicas}");
            Assert.NotNull(governing);
            Assert.Equal("None", governing.Text("spec", "clusterIP"));
            Assert.True(YamlNodes.Selects(governing.Pairs("spec", "selector"), workload.PodLabels), $"{service}'s headless Service selects other pods");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_service_has_a_cluster_ip_service_on_port_8080_selecting_its_pods(string overlay)
    {
        var rendered = renderings.Overlay(overlay);

        var problems = ServiceWorkloads(rendered).Where(workload => !rendered.OfKind("Service").Any(service =>
                service.Text("metadata", "name") == workload.Name
                && (service.Text("spec", "type") ?? "ClusterIP") == "ClusterIP"
                && service.Text("spec", "clusterIP") != "None"
                && service.Items("spec", "ports").Any(port => port.Text("port") == Port)
                && YamlNodes.Selects(service.Pairs("spec", "selector"), workload.PodLabels)))
            .Select(workload => $"{workload}: no ClusterIP Service named {workload.Name} on port {Port} selecting its pods");

        NoProblems(problems);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_autoscaler_targets_a_rendered_workload_and_only_notification_autoscales(string overlay)
    {
        var rendered = renderings.Overlay(overlay);

        var targets = rendered.OfKind("HorizontalPodAutoscaler").Select(autoscaler => autoscaler.At("spec", "scaleTargetRef")).ToList();

        NoProblems(targets
            .Where(target => !rendered.Workloads.Any(workload => workload.Kind == target.Text("kind") && workload.Name == target.Text("name")
                && workload.Manifest.Text("apiVersion") == target.Text("apiVersion")))
            .Select(target => $"an autoscaler targets {target.Text("apiVersion")} {target.Text("kind")}/{target.Text("name")}, which is not rendered"));
        Assert.Equal(new[] { "notification" }, targets.Select(target => target.Text("name")).ToArray());
    }

    [Theory]
    [InlineData("dev", 1, 2)]
    [InlineData("prod", 2, 6)]
    public void Notification_scales_on_cpu_between_the_overlays_bounds(string overlay, int minimum, int maximum)
    {
        var rendered = renderings.Overlay(overlay);

        var autoscaler = rendered.Find("HorizontalPodAutoscaler", "notification");

        Assert.NotNull(autoscaler);
        Assert.Equal("autoscaling/v2", autoscaler.Text("apiVersion"));
        Assert.Equal($"{minimum}", autoscaler.Text("spec", "minReplicas"));
        Assert.Equal($"{maximum}", autoscaler.Text("spec", "maxReplicas"));
        var cpu = Assert.Single(autoscaler.Items("spec", "metrics"));
        Assert.Equal("cpu", cpu.Text("resource", "name"));
        Assert.Equal("70", cpu.Text("resource", "target", "averageUtilization"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_disruption_budget_selects_a_workloads_pods_and_every_service_has_one(string overlay)
    {
        var rendered = renderings.Overlay(overlay);

        var budgets = rendered.OfKind("PodDisruptionBudget").ToList();
        var orphans = budgets
            .Where(budget => !rendered.Workloads.Any(workload => YamlNodes.Selects(budget.Pairs("spec", "selector", "matchLabels"), workload.PodLabels)))
            .Select(budget => budget.Text("metadata", "name"));
        var unprotected = ServiceWorkloads(rendered)
            .Where(workload => !budgets.Any(budget => YamlNodes.Selects(budget.Pairs("spec", "selector", "matchLabels"), workload.PodLabels)))
            .Select(workload => workload.Name);

        NoProblems(orphans.Select(name => $"PodDisruptionBudget/{name} selects no workload's pods"));
        NoProblems(unprotected.Select(name => $"{name} has no PodDisruptionBudget"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Secrets_are_referenced_by_name_but_never_rendered_with_values(string overlay)
    {
        var rendered = renderings.Overlay(overlay);

        var withValues = rendered.OfKind("Secret")
            .Where(secret => secret.Pairs("data").Count > 0 || secret.Pairs("stringData").Count > 0)
            .Select(secret => secret.Text("metadata", "name"));
        var plainConnectionStrings = ServiceWorkloads(rendered).SelectMany(workload => workload.Containers.SelectMany(container =>
            new[] { "ConnectionStrings__Postgres", "ConnectionStrings__RabbitMq" }
                .Where(setting => !container.Items("env").Any(variable =>
                    variable.Text("name") == setting && !string.IsNullOrEmpty(variable.Text("valueFrom", "secretKeyRef", "name"))))
                .Select(setting => $"{workload}: {setting} is not read from a Secret")));

        Assert.Empty(withValues);
        NoProblems(plainConnectionStrings);
        Assert.Contains("trading-connections", rendered.Workloads.SelectMany(SecretNames));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_config_map_reference_points_at_a_rendered_config_map(string overlay)
    {
        var rendered = renderings.Overlay(overlay);

        var configMaps = rendered.OfKind("ConfigMap").ToDictionary(map => map.Text("metadata", "name")!, map => map.Pairs("data"));
        var problems = rendered.Workloads.SelectMany(workload => ConfigMapReferences(workload)
            .Where(reference => !configMaps.TryGetValue(reference.Name, out var data) || (reference.Key is { } key && !data.ContainsKey(key)))
            .Select(reference => $"{workload}: ConfigMap {reference.Name}{(reference.Key is null ? "" : $" key {reference.Key}")} is not rendered"));

        Assert.NotEmpty(rendered.Workloads.SelectMany(ConfigMapReferences));
        NoProblems(problems);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_setting_given_to_a_service_is_one_it_reads(string overlay)
    {
        var rendered = renderings.Overlay(overlay);

        var configMaps = rendered.OfKind("ConfigMap").ToDictionary(map => map.Text("metadata", "name")!, map => map.Pairs("data").Keys);
        var problems = ServiceWorkloads(rendered).SelectMany(workload =>
        {
            // Environment variables set one by one, and every key of the ConfigMaps loaded whole; the Secrets loaded whole
            // (notification-channels) are the operator's, so their keys are not known here.
            var keys = workload.Containers.SelectMany(container => container.Items("env").Select(variable => variable.Text("name")!)
                .Concat(container.Items("envFrom").Select(source => source.Text("configMapRef", "name")).OfType<string>()
                    .SelectMany(name => configMaps.GetValueOrDefault(name) ?? [])));
            return Compose.ServiceSettings.Unknown(workload.Name, keys).Select(key => $"{workload}: {key} is not a setting of {workload.Name}");
        });

        NoProblems(problems);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Network_policies_deny_ingress_by_default_and_let_monitoring_reach_every_service(string overlay)
    {
        var rendered = renderings.Overlay(overlay);

        var policies = rendered.OfKind("NetworkPolicy").ToList();
        var defaultDeny = policies.Where(policy =>
            policy.At("spec", "podSelector") is YamlMappingNode selector && selector.Pairs("matchLabels").Count == 0
            && selector.Items("matchExpressions").Count == 0
            && policy.Items("spec", "policyTypes").OfType<YamlScalarNode>().Any(type => type.Value == "Ingress")
            && policy.Items("spec", "ingress").Count == 0);
        var unscraped = ServiceWorkloads(rendered)
            .Where(workload => !AllowsIngress(policies, workload, rule => rule.Items("from").Any(peer =>
                peer.Pairs("namespaceSelector", "matchLabels").GetValueOrDefault("kubernetes.io/metadata.name") == "monitoring")))
            .Select(workload => workload.Name);

        Assert.True(defaultDeny.Any(), "No NetworkPolicy denies all ingress (an empty podSelector, policy type Ingress, no rules).");
        NoProblems(unscraped.Select(name => $"{name}: no policy admits the monitoring namespace on port {Port}"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Network_policies_open_the_risk_operator_endpoint_in_the_namespace_and_https_for_feeds_and_chat(string overlay)
    {
        var rendered = renderings.Overlay(overlay);

        var policies = rendered.OfKind("NetworkPolicy").ToList();
        var internet = new[] { "market-data", "notification" }.Select(rendered.Workload)
            .Where(workload => !policies.Any(policy =>
                YamlNodes.Selects(policy.Pairs("spec", "podSelector", "matchLabels"), workload.PodLabels)
                && policy.Items("spec", "egress").Any(rule => rule.Items("ports").Any(port => port.Text("port") == "443"))))
            .Select(workload => workload.Name);

        Assert.True(AllowsIngress(policies, rendered.Workload("risk"), rule => rule.Items("from").Any(peer =>
            peer.At("podSelector") is YamlMappingNode selector && selector.Pairs("matchLabels").Count == 0 && peer.At("namespaceSelector") is null)));
        NoProblems(internet.Select(name => $"{name}: no policy allows egress on port 443"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Everything_lands_in_the_trading_namespace(string overlay)
    {
        var rendered = renderings.Overlay(overlay);

        var elsewhere = rendered.Manifests
            .Where(manifest => manifest.Text("kind") != "Namespace" && manifest.Text("metadata", "namespace") != "trading")
            .Select(manifest => $"{manifest.Text("kind")}/{manifest.Text("metadata", "name")}");

        Assert.NotNull(rendered.Find("Namespace", "trading"));
        NoProblems(elsewhere.Select(name => $"{name} is not in namespace trading"));
    }

    [Fact]
    public void Dev_runs_rabbitmq_and_postgres_in_the_cluster_and_one_replica_per_service()
    {
        var rendered = renderings.Overlay("dev");

        foreach (var name in Infrastructure)
        {
            var workload = rendered.Workload(name);

            Assert.Equal("StatefulSet", workload.Kind);
            Assert.NotEmpty(workload.Manifest.Items("spec", "volumeClaimTemplates"));
            Assert.Equal("ClusterIP", rendered.Find("Service", name).Text("spec", "type"));
        }

        Assert.All(Services, service => Assert.Equal(1, ReplicasOrAutoscaled(rendered, service)));
    }

    [Fact]
    public void Prod_runs_no_broker_or_database_and_reaches_external_ones_by_name()
    {
        var rendered = renderings.Overlay("prod");

        var infrastructure = rendered.Workloads.Where(workload => Infrastructure.Contains(workload.Name)
            || workload.Containers.Any(container => Infrastructure.Any(image => (container.Text("image") ?? "").StartsWith(image, StringComparison.Ordinal))));

        Assert.Empty(infrastructure);
        Assert.All(Infrastructure, name => Assert.Equal("ExternalName", rendered.Find("Service", name).Text("spec", "type")));
    }

    [Fact]
    public void Prod_runs_standbys_and_two_partitions_on_pinned_images()
    {
        var rendered = renderings.Overlay("prod");

        var images = ServiceWorkloads(rendered).SelectMany(workload => workload.Containers).Select(container => container.Text("image") ?? "").ToList();

        Assert.All(Services.Where(service => service != "notification"), service => Assert.Equal(2, rendered.Workload(service).Replicas));
        Assert.Equal(Services.Length, images.Count);
        Assert.All(images, image => Assert.Matches(@"^[^@]+:\d+\.\d+\.\d+$", image));
    }

    // Every problem in the failure message, not the first few characters of a collection.
    private static void NoProblems(IEnumerable<string> problems)
    {
        var found = problems.ToList();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    private static IEnumerable<Workload> ServiceWorkloads(RenderedOverlay rendered) =>
        rendered.Workloads.Where(workload => Services.Contains(workload.Name));

    // The replicas a dev service runs with: its own count, or the autoscaler's minimum when one owns it.
    private static int ReplicasOrAutoscaled(RenderedOverlay rendered, string service) =>
        rendered.Find("HorizontalPodAutoscaler", service)?.Text("spec", "minReplicas") is { } minimum
            ? int.Parse(minimum, System.Globalization.CultureInfo.InvariantCulture)
            : rendered.Workload(service).Replicas;

    private static string? ProbeProblem(Workload workload, YamlNode container, string probe, string path)
    {
        var httpGet = container.At(probe, "httpGet");
        var port = httpGet.Text("port");

        // A named port stands for the container port of that name.
        var number = container.Items("ports").FirstOrDefault(candidate => candidate.Text("name") == port)?.Text("containerPort") ?? port;
        return httpGet is null || httpGet.Text("path") != path || number != Port
            ? $"{workload}/{container.Text("name")}: {probe} is not GET {path} on port {Port}"
            : null;
    }

    private static bool HasHandler(YamlNode? probe) =>
        new[] { "httpGet", "exec", "tcpSocket", "grpc" }.Any(handler => probe.At(handler) is not null);

    private static IEnumerable<string> SecurityProblems(Workload workload, YamlNode container)
    {
        // A container's own setting wins over the pod's.
        string? Effective(string field) => container.Text("securityContext", field) ?? workload.PodSpec.Text("securityContext", field);

        if (Effective("runAsNonRoot") != "true")
        {
            yield return "runAsNonRoot is not true";
        }

        if (Effective("runAsUser") == "0")
        {
            yield return "runs as uid 0";
        }

        if (container.Text("securityContext", "allowPrivilegeEscalation") != "false")
        {
            yield return "allowPrivilegeEscalation is not false";
        }

        if (container.Text("securityContext", "readOnlyRootFilesystem") != "true")
        {
            yield return "the root file system is writable";
        }

        if (!container.Items("securityContext", "capabilities", "drop").OfType<YamlScalarNode>().Any(capability => capability.Value == "ALL"))
        {
            yield return "capabilities are not all dropped";
        }
    }

    private static IEnumerable<string> SecretNames(Workload workload) =>
        workload.Containers.SelectMany(container =>
                container.Items("env").Select(variable => variable.Text("valueFrom", "secretKeyRef", "name"))
                    .Concat(container.Items("envFrom").Select(source => source.Text("secretRef", "name"))))
            .Concat(workload.PodSpec.Items("volumes").Select(volume => volume.Text("secret", "secretName")))
            .OfType<string>();

    private static IEnumerable<(string Name, string? Key)> ConfigMapReferences(Workload workload)
    {
        // An optional reference may point at a ConfigMap that the operator adds later.
        static bool Required(YamlNode? reference) => reference.Text("optional") != "true";

        foreach (var container in workload.Containers)
        {
            foreach (var source in container.Items("envFrom").Select(source => source.At("configMapRef")).Where(reference => reference is not null && Required(reference)))
            {
                yield return (source.Text("name")!, null);
            }

            foreach (var reference in container.Items("env").Select(variable => variable.At("valueFrom", "configMapKeyRef")).Where(reference => reference is not null && Required(reference)))
            {
                yield return (reference.Text("name")!, reference.Text("key"));
            }
        }

        foreach (var volume in workload.PodSpec.Items("volumes").Select(volume => volume.At("configMap")).Where(reference => reference is not null && Required(reference)))
        {
            yield return (volume.Text("name")!, null);
        }
    }

    // True when some policy selecting the workload's pods admits ingress on 8080 through a rule that passes the peer check.
    private static bool AllowsIngress(IEnumerable<YamlMappingNode> policies, Workload workload, Func<YamlNode, bool> peers) =>
        policies.Any(policy =>
            YamlNodes.Selects(policy.Pairs("spec", "podSelector", "matchLabels"), workload.PodLabels)
            && policy.Items("spec", "ingress").Any(rule =>
                peers(rule) && rule.Items("ports").Any(port => port.Text("port") == Port)));
}
