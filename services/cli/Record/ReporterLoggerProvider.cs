using Microsoft.Extensions.Logging;

namespace Trading.Cli.Record;

/// <summary>
/// Sends the feed's log lines (malformed frames, venue error acks, failures) to the reporter's event lines, so they reach
/// the console without tearing the live table. Levels are filtered by the logger factory.
/// </summary>
public sealed class ReporterLoggerProvider(IRecordReporter reporter) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ReporterLogger(reporter);

    public void Dispose()
    {
    }

    private sealed class ReporterLogger(IRecordReporter reporter) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = logLevel switch
            {
                LogLevel.Critical or LogLevel.Error => "error",
                LogLevel.Warning => "warning",
                _ => "info",
            };
            var message = formatter(state, exception);
            reporter.Event(exception is null ? $"{level}: {message}" : $"{level}: {message}: {exception.GetType().Name}: {exception.Message}");
        }
    }
}
