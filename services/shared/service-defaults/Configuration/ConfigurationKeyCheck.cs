using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Trading.ServiceDefaults.Configuration;

/// <summary>
/// Finds configuration keys under a section that no property of the options class binds to,
/// so a misspelt key stops start-up instead of silently leaving a default in place.
/// </summary>
public static class ConfigurationKeyCheck
{
    public static IReadOnlyList<string> UnknownKeys(IConfigurationSection section, Type optionsType)
    {
        var unknown = new List<string>();
        Collect(section, optionsType, unknown);
        return unknown;
    }

    private static void Collect(IConfigurationSection section, Type type, List<string> unknown)
    {
        foreach (var child in section.GetChildren())
        {
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                unknown.Add(child.Path);
                continue;
            }

            if (IsComplex(property.PropertyType))
            {
                Collect(child, property.PropertyType, unknown);
            }
            else if (ElementType(property.PropertyType) is { } element && IsComplex(element))
            {
                foreach (var item in child.GetChildren())
                {
                    Collect(item, element, unknown);
                }
            }
        }
    }

    private static bool IsComplex(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type) && !type.IsArray;

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var arguments = type.GetGenericArguments();
            return arguments[^1];
        }

        return null;
    }
}
