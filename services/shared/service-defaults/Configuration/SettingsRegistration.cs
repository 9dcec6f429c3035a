using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Trading.ServiceDefaults.Configuration;

/// <summary>Binds an options class to its configuration section and validates it when the service starts.</summary>
public static class SettingsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/>. An unknown (misspelt) key, a value that does not
    /// convert, or a failed data-annotation check stops start-up with a message naming the key.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IHostApplicationBuilder builder, string section)
        where T : class
    {
        var configuration = builder.Configuration.GetSection(section);
        return builder.Services.AddOptions<T>()
            .Configure(options => Bind(configuration, options))
            .Validate(options => Validate(section, options))
            .ValidateOnStart();
    }

    private static void Bind<T>(Microsoft.Extensions.Configuration.IConfigurationSection section, T options)
        where T : class
    {
        var unknown = ConfigurationKeyCheck.UnknownKeys(section, typeof(T));
        if (unknown.Count > 0)
        {
            var valid = string.Join(", ", typeof(T).GetProperties().Select(p => $"{section.Path}:{p.Name}"));
            throw new OptionsValidationException(section.Path, typeof(T),
                [$"Unknown configuration key {string.Join(", ", unknown.Select(k => $"'{k}'"))}. Valid keys are: {valid}."]);
        }

        // The binder appends configured items to a collection's default items; a configured list replaces them instead.
        ConfiguredCollections.Clear(section, options);
        try
        {
            Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(section, options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's own message names the key ("... at 'Risk:MaxOpenPositions' ..."); the inner one only the value.
            throw new OptionsValidationException(section.Path, typeof(T), [ex.Message + " " + ex.InnerException?.Message]);
        }
    }

    private static bool Validate<T>(string section, T options)
        where T : class
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return true;
        }

        throw new OptionsValidationException(section, typeof(T),
            results.Select(r => $"Configuration key '{section}:{string.Join(",", r.MemberNames)}': {r.ErrorMessage}"));
    }
}
