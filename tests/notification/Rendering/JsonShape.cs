using System.Text.Json;

namespace Trading.Notification.Tests.Rendering;

/// <summary>Compares the shape (property names and value kinds) of a payload we render with a request in the fixtures.</summary>
public static class JsonShape
{
    /// <summary>
    /// Every property of <paramref name="mine"/> exists in <paramref name="fixture"/> (or is in <paramref name="extras"/>) with the same
    /// kind of value, recursively; every property of the fixture exists in mine unless listed in <paramref name="optional"/>. Array
    /// items are compared with the fixture item of the same <c>type</c> (Block Kit), or with the fixture's first item.
    /// </summary>
    public static void AssertSame(JsonElement mine, JsonElement fixture, string[] extras, string[] optional, string path = "$")
    {
        Assert.True(Kind(mine) == Kind(fixture), $"{path}: {mine.ValueKind} where the fixture has {fixture.ValueKind}");
        switch (mine.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in mine.EnumerateObject())
                {
                    var at = $"{path}.{property.Name}";
                    if (fixture.TryGetProperty(property.Name, out var expected))
                    {
                        AssertSame(property.Value, expected, extras, optional, at);
                    }
                    else
                    {
                        Assert.True(extras.Contains(at), $"{at} is not in the fixture");
                    }
                }

                foreach (var property in fixture.EnumerateObject())
                {
                    var at = $"{path}.{property.Name}";
                    Assert.True(mine.TryGetProperty(property.Name, out _) || optional.Contains(at), $"{at} of the fixture is missing");
                }

                break;
            case JsonValueKind.Array:
                var samples = fixture.EnumerateArray().ToList();
                foreach (var item in mine.EnumerateArray())
                {
                    var match = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("type", out var type)
                        ? samples.First(s => s.GetProperty("type").GetString() == type.GetString())
                        : samples.Count > 0 ? samples[0] : item;
                    var at = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("type", out var named)
                        ? $"{path}[{named.GetString()}]"
                        : $"{path}[]";
                    AssertSame(item, match, extras, optional, at);
                }

                break;
        }
    }

    private static JsonValueKind Kind(JsonElement element) =>
        element.ValueKind == JsonValueKind.False ? JsonValueKind.True : element.ValueKind;
}
