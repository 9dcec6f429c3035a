using YamlDotNet.RepresentationModel;

namespace Trading.Deploy.Tests.Kubernetes;

/// <summary>The manifests one overlay renders to, parsed once and looked up by kind and name.</summary>
internal sealed class RenderedOverlay
{
    private static readonly string[] WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"];

    private RenderedOverlay(string name, IReadOnlyList<YamlMappingNode> manifests)
    {
        Name = name;
        Manifests = manifests;
        Workloads = [.. manifests
            .Where(manifest => WorkloadKinds.Contains(manifest.Text("kind")))
            .Select(manifest => new Workload(manifest.Text("kind")!, manifest.Text("metadata", "name")!, manifest))];
    }

    public string Name { get; }

    public IReadOnlyList<YamlMappingNode> Manifests { get; }

    public IReadOnlyList<Workload> Workloads { get; }

    public static RenderedOverlay Parse(string name, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var manifests = stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>().ToList();
        return new RenderedOverlay(name, manifests);
    }

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Manifests.Where(manifest => manifest.Text("kind") == kind);

    public YamlMappingNode? Find(string kind, string name) =>
        OfKind(kind).FirstOrDefault(manifest => manifest.Text("metadata", "name") == name);

    public Workload Workload(string name) =>
        Workloads.SingleOrDefault(workload => workload.Name == name)
        ?? throw new InvalidOperationException($"The {Name} overlay renders no workload named {name}.");
}
