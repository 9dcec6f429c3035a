using Microsoft.Extensions.Options;

namespace Trading.Risk;

/// <summary>
/// The current <see cref="RiskOptions"/>. If an operator changes them at run time to something invalid, the last valid
/// options stay in force and each use logs an error, so that fills and closes are still recorded meanwhile.
/// </summary>
public sealed class RiskSettings(IOptionsMonitor<RiskOptions> monitor, ILogger<RiskSettings> logger)
{
    private RiskOptions? _lastValid;

    public RiskOptions Current
    {
        get
        {
            try
            {
                return _lastValid = monitor.CurrentValue;
            }
            catch (OptionsValidationException ex) when (_lastValid is not null)
            {
                Log.InvalidRiskOptions(logger, ex.Message);
                return _lastValid;
            }
        }
    }
}
