namespace Trading.Deploy.Tests.Kubernetes;

/// <summary>What a finished process printed and how it exited, kept whole so a failing test can show it.</summary>
internal sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError);
