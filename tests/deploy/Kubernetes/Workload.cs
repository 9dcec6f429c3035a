using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Trading.Deploy.Tests.Kubernetes;

/// <summary>A rendered Deployment or StatefulSet, with the parts of its pod template the checks look at.</summary>
internal sealed record Workload(string Kind, string Name, YamlMappingNode Manifest)
{
    /// <summary>The replica count; Kubernetes' default of 1 when unset (an autoscaled Deployment leaves it to the HPA).</summary>
    public int Replicas => int.Parse(Manifest.Text("spec", "replicas") ?? "1", CultureInfo.InvariantCulture);

    public YamlNode? PodSpec => Manifest.At("spec", "template", "spec");

    public IReadOnlyDictionary<string, string> PodLabels => Manifest.Pairs("spec", "template", "metadata", "labels");

    /// <summary>Init containers too: they need resources and a security context as much as the main ones.</summary>
    public IReadOnlyList<YamlNode> Containers => [.. PodSpec.Items("initContainers"), .. PodSpec.Items("containers")];

    public override string ToString() => $"{Kind}/{Name}";
}
