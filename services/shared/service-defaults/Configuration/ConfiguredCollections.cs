using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Trading.ServiceDefaults.Configuration;

/// <summary>
/// Empties every collection property that configuration sets, before binding. Without it the binder appends the
/// configured items to the defaults: a default of <c>["1m"]</c> configured as <c>["5m"]</c> would become both.
/// </summary>
public static class ConfiguredCollections
{
    public static void Clear(IConfigurationSection section, object options)
    {
        foreach (var child in section.GetChildren())
        {
            var property = options.GetType().GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanRead)
            {
                continue;
            }

            var type = property.PropertyType;
            if (type.IsArray && property.CanWrite)
            {
                property.SetValue(options, Array.CreateInstance(type.GetElementType()!, 0));
            }
            else if (type != typeof(string) && property.GetValue(options) is IList list and not Array)
            {
                list.Clear();
            }
            else if (type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type) && property.GetValue(options) is { } nested)
            {
                Clear(child, nested);
            }
        }
    }
}
