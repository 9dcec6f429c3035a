using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trading.Contracts.Tests;

public sealed class ContractSnapshotTests
{
    // The bus serialises with System.Text.Json's web defaults (camelCase); enums carry their own string converters.
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static TheoryData<string> MessageNames() => new(ContractSamples.All.Select(m => m.GetType().Name));

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void Message_json_matches_its_checked_in_snapshot(string name)
    {
        var message = ContractSamples.All.Single(m => m.GetType().Name == name);
        var snapshot = SnapshotPath(name);

        var json = JsonSerializer.Serialize(message, message.GetType(), Wire).ReplaceLineEndings("\n") + "\n";

        if (!File.Exists(snapshot) || File.ReadAllText(snapshot).ReplaceLineEndings("\n") != json)
        {
            File.WriteAllText(Path.ChangeExtension(snapshot, ".received.json"), json);
            Assert.Fail($"The wire format of {name} differs from {snapshot}. If the change is intended (only optional fields may be added), " +
                        $"review {Path.GetFileName(Path.ChangeExtension(snapshot, ".received.json"))} and copy it over the snapshot.");
        }
    }

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void Message_round_trips_through_json(string name)
    {
        var message = ContractSamples.All.Single(m => m.GetType().Name == name);

        var json = JsonSerializer.Serialize(message, message.GetType(), Wire);
        var back = JsonSerializer.Deserialize(json, message.GetType(), Wire);

        Assert.Equal(json, JsonSerializer.Serialize(back, message.GetType(), Wire));
    }

    [Fact]
    public void Every_message_in_the_contracts_assembly_has_a_sample()
    {
        var messages = MessageTypes().Select(t => t.Name).Where(n => n != "Trade").Order();

        var sampled = ContractSamples.All.Select(m => m.GetType().Name).Order();

        Assert.Equal(messages, sampled);
    }

    [Fact]
    public void Enums_travel_as_strings()
    {
        var filled = ContractSamples.All.OfType<Orders.OrderFilled>().Single();

        var json = JsonNode.Parse(JsonSerializer.Serialize(filled, Wire))!;

        Assert.Equal("Buy", json["side"]!.GetValue<string>());
    }

    [Fact]
    public void Messages_use_decimal_for_numbers_and_utc_offsets_for_times()
    {
        var properties = MessageTypes().SelectMany(t => t.GetProperties()).ToList();

        Assert.DoesNotContain(properties, p => p.PropertyType == typeof(double) || p.PropertyType == typeof(float));
        Assert.DoesNotContain(properties, p => p.PropertyType == typeof(DateTime) || p.PropertyType == typeof(DateTime?));
        Assert.All(
            properties.Where(p => p.PropertyType == typeof(DateTimeOffset) || p.PropertyType == typeof(DateTimeOffset?)),
            p => Assert.True(p.Name.EndsWith("At", StringComparison.Ordinal) || p.Name.EndsWith("Time", StringComparison.Ordinal), $"{p.DeclaringType!.Name}.{p.Name}"));
    }

    [Fact]
    public void Messages_are_sealed_records_with_init_only_properties()
    {
        var types = MessageTypes();

        Assert.All(types, t =>
        {
            Assert.True(t.IsSealed, t.Name);
            Assert.NotNull(t.GetMethod("<Clone>$"));
            Assert.All(t.GetProperties(), p => Assert.True(p.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)), $"{t.Name}.{p.Name}"));
        });
    }

    private static List<Type> MessageTypes() =>
        typeof(Candles.CandleClosed).Assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract).ToList();

    private static string SnapshotPath(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Trading.Contracts.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("tests/contracts not found above the test binaries"), "Snapshots", name + ".json");
    }
}
