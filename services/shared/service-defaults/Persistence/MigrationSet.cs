using System.Reflection;

namespace Trading.ServiceDefaults.Persistence;

/// <summary>The assemblies whose embedded <c>Migrations/NNNN_name.sql</c> files make up a service's schema, in order.</summary>
public sealed record MigrationSet(IReadOnlyList<Assembly> Assemblies);
