using YamlDotNet.RepresentationModel;

namespace Trading.Deploy.Tests.Compose;

/// <summary>
/// docker-compose.yml as docker compose reads it: anchors and <c>&lt;&lt;</c> merge keys resolved (a key written in the
/// mapping wins over a merged one), so each service shows the build, environment and dependencies it really gets.
/// Scalars are strings, mappings are <c>IReadOnlyDictionary&lt;string, object?&gt;</c> and sequences are
/// <c>IReadOnlyList&lt;object?&gt;</c>.
/// </summary>
internal sealed class ComposeFile
{
    private ComposeFile(string path, YamlNode raw, IReadOnlyDictionary<string, object?> root)
    {
        FilePath = path;
        Raw = raw;
        Root = root;
    }

    public string FilePath { get; }

    public string Folder => Path.GetDirectoryName(FilePath)!;

    /// <summary>The document before merging, for what compose reads from the text itself (interpolations).</summary>
    public YamlNode Raw { get; }

    public IReadOnlyDictionary<string, object?> Root { get; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> Services =>
        Map(Root, "services").ToDictionary(pair => pair.Key, pair => (IReadOnlyDictionary<string, object?>)pair.Value!);

    public static ComposeFile Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var raw = stream.Documents.Single().RootNode;
        return new ComposeFile(path, raw, (IReadOnlyDictionary<string, object?>)Resolve(raw)!);
    }

    public static IReadOnlyDictionary<string, object?> Map(IReadOnlyDictionary<string, object?> node, string key) =>
        node.TryGetValue(key, out var value) && value is IReadOnlyDictionary<string, object?> map ? map : new Dictionary<string, object?>();

    public static IReadOnlyList<object?> List(IReadOnlyDictionary<string, object?> node, string key) =>
        node.TryGetValue(key, out var value) && value is IReadOnlyList<object?> list ? list : [];

    public static string? Text(IReadOnlyDictionary<string, object?> node, string key) =>
        node.TryGetValue(key, out var value) ? value as string : null;

    /// <summary>The variable names of a service's <c>environment</c>, in either of compose's forms (mapping or KEY=value list).</summary>
    public static IReadOnlyList<string> EnvironmentKeys(IReadOnlyDictionary<string, object?> service) =>
        service.TryGetValue("environment", out var environment) ? environment switch
        {
            IReadOnlyDictionary<string, object?> map => [.. map.Keys],
            IReadOnlyList<object?> list => [.. list.OfType<string>().Select(item => item.Split('=', 2)[0])],
            _ => [],
        } : [];

    /// <summary>Dependencies and their conditions; the short list form means service_started.</summary>
    public static IReadOnlyDictionary<string, string> Dependencies(IReadOnlyDictionary<string, object?> service) =>
        service.TryGetValue("depends_on", out var dependsOn) ? dependsOn switch
        {
            IReadOnlyDictionary<string, object?> map => map.ToDictionary(
                pair => pair.Key,
                pair => pair.Value is IReadOnlyDictionary<string, object?> options ? Text(options, "condition") ?? "service_started" : "service_started"),
            IReadOnlyList<object?> list => list.OfType<string>().ToDictionary(name => name, _ => "service_started"),
            _ => new Dictionary<string, string>(),
        } : new Dictionary<string, string>();

    private static object? Resolve(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode sequence => sequence.Children.Select(Resolve).ToList(),
        YamlMappingNode mapping => ResolveMapping(mapping),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType} at {node.Start}."),
    };

    private static Dictionary<string, object?> ResolveMapping(YamlMappingNode mapping)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name != "<<")
            {
                result[name] = Resolve(value);
            }
        }

        // YAML merge keys: a merged key never overrides one written in the mapping; among several merged mappings the first wins.
        if (mapping.Children.TryGetValue(new YamlScalarNode("<<"), out var merge))
        {
            var sources = merge is YamlSequenceNode many ? many.Children : [merge];
            foreach (var source in sources)
            {
                foreach (var (key, value) in ResolveMapping((YamlMappingNode)source))
                {
                    result.TryAdd(key, value);
                }
            }
        }

        return result;
    }
}
