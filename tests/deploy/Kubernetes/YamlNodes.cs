using YamlDotNet.RepresentationModel;

namespace Trading.Deploy.Tests.Kubernetes;

/// <summary>
/// Reads rendered manifests by path (<c>spec.template.spec</c>) without a Kubernetes object model: a missing field reads as
/// null or empty, so a check states what it expects instead of guarding every step.
/// </summary>
internal static class YamlNodes
{
    public static YamlNode? At(this YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? Text(this YamlNode? node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    public static IReadOnlyList<YamlNode> Items(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlSequenceNode sequence ? [.. sequence.Children] : [];

    /// <summary>A mapping of scalars (labels, a selector's matchLabels, a ConfigMap's data) as a dictionary; empty when absent.</summary>
    public static IReadOnlyDictionary<string, string> Pairs(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlMappingNode mapping
            ? mapping.Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => (pair.Value as YamlScalarNode)?.Value ?? "")
            : new Dictionary<string, string>();

    /// <summary>True when a matchLabels selector is non-empty and every one of its labels is on the pod.</summary>
    public static bool Selects(IReadOnlyDictionary<string, string> matchLabels, IReadOnlyDictionary<string, string> podLabels) =>
        matchLabels.Count > 0 && matchLabels.All(label => podLabels.TryGetValue(label.Key, out var value) && value == label.Value);
}
