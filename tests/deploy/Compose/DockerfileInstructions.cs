using System.Text.RegularExpressions;

namespace Trading.Deploy.Tests.Compose;

/// <summary>
/// The stage names (<c>FROM image AS name</c>) and build arguments (<c>ARG NAME</c>) a Dockerfile declares: what a
/// compose <c>build:</c> may name as its <c>target</c> and pass as <c>args</c>.
/// </summary>
internal sealed partial class DockerfileInstructions
{
    private DockerfileInstructions(IReadOnlySet<string> stages, IReadOnlySet<string> arguments)
    {
        Stages = stages;
        Arguments = arguments;
    }

    /// <summary>Stage names; Docker compares them case-insensitively.</summary>
    public IReadOnlySet<string> Stages { get; }

    public IReadOnlySet<string> Arguments { get; }

    public static DockerfileInstructions Load(string path)
    {
        // Continuation lines are joined first, so an instruction spread over several lines reads as one.
        var text = File.ReadAllText(path).Replace("\\\n", " ", StringComparison.Ordinal);
        var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var arguments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (FromInstruction().Match(line) is { Success: true } from && from.Groups["stage"].Success)
            {
                stages.Add(from.Groups["stage"].Value);
            }
            else if (ArgInstruction().Match(line) is { Success: true } argument)
            {
                arguments.Add(argument.Groups["name"].Value);
            }
        }

        return new DockerfileInstructions(stages, arguments);
    }

    [GeneratedRegex(@"^\s*FROM\s+(?:--\S+\s+)*\S+(?:\s+AS\s+(?<stage>[\w.-]+))?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FromInstruction();

    [GeneratedRegex(@"^\s*ARG\s+(?<name>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex ArgInstruction();
}
