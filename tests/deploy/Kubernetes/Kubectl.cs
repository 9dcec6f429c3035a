namespace Trading.Deploy.Tests.Kubernetes;

/// <summary>
/// The kubectl that renders the overlays, found (or installed) by build/kubectl.sh exactly as CI finds it, once per test run.
/// When the script finds none, every rendering test fails with the script's own explanation.
/// </summary>
internal static class Kubectl
{
    private static readonly Lazy<string> Resolved = new(Resolve);

    public static string Path => Resolved.Value;

    private static string Resolve()
    {
        // Installing the Debian package may take a few minutes on a fresh machine.
        var result = Command.Run("bash", ["build/kubectl.sh"], TimeSpan.FromMinutes(10));
        var path = result.StandardOutput.Trim();
        if (result.ExitCode != 0 || path.Length == 0)
        {
            throw new InvalidOperationException(
                $"build/kubectl.sh found no kubectl (exit code {result.ExitCode}): {result.StandardError.Trim()}");
        }

        return path;
    }
}
