using System.Collections.Concurrent;

namespace Trading.Deploy.Tests.Kubernetes;

/// <summary>
/// Renders each overlay of deploy/k8s with <c>kubectl kustomize</c> once per test class, so the checks cost one kubectl run
/// per overlay. A failed render is kept and reported by every test that asks for that overlay.
/// </summary>
public sealed class KustomizeRenderings
{
    private readonly ConcurrentDictionary<string, Lazy<RenderedOverlay>> _overlays = new();

    internal RenderedOverlay Overlay(string name) => _overlays.GetOrAdd(name, key => new Lazy<RenderedOverlay>(() => Render(key))).Value;

    private static RenderedOverlay Render(string name)
    {
        var directory = $"deploy/k8s/overlays/{name}";
        var result = Command.Run(Kubectl.Path, ["kustomize", directory], TimeSpan.FromMinutes(2));

        // stderr may hold deprecation warnings of newer kustomize versions; only the exit code says whether it rendered.
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Kubectl.Path} kustomize {directory} failed with exit code {result.ExitCode}: {result.StandardError.Trim()}");
        }

        return RenderedOverlay.Parse(name, result.StandardOutput);
    }
}
