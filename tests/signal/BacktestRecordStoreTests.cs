using Trading.Signal.Backtests;
using Trading.Signal.Signals;

namespace Trading.Signal.Tests;

[Trait("Category", "Integration")]
public sealed class BacktestRecordStoreTests
{
    private static readonly DateTimeOffset End = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly BacktestRecordStore _store = new();

    [Fact]
    public async Task Stores_a_record_and_reads_back_what_a_signal_carries()
    {
        await using var database = await TestDatabase.CreateAsync();
        var recorded = BacktestRecords.Recorded(passed: false);

        var write = await database.InTransactionAsync(tx => _store.SaveAsync(tx, recorded));
        var found = await database.InTransactionAsync(tx => _store.FindAsync(tx, "ema-cross", "BTC/USD", "1m"));

        Assert.Equal(BacktestRecordWrite.Inserted, write);
        Assert.NotNull(found);
        Assert.Equal(SignalMapper.ToRecord(recorded) with { GateReasons = [] }, found with { GateReasons = [] });
        Assert.Equal(recorded.GateReasons, found.GateReasons);
    }

    [Fact]
    public async Task Stores_the_average_r_of_wins_and_losses_in_their_columns()
    {
        await using var database = await TestDatabase.CreateAsync();

        await database.InTransactionAsync(tx => _store.SaveAsync(tx, BacktestRecords.Recorded(passed: true)));
        var rows = await database.QueryAsync<(decimal?, decimal?)>("SELECT average_win_r, average_loss_r FROM backtest_records");

        Assert.Equal([(2m, 1m)], rows);
    }

    [Fact]
    public async Task Keeps_the_average_r_null_for_a_record_published_before_it_was_measured()
    {
        await using var database = await TestDatabase.CreateAsync();

        await database.InTransactionAsync(tx => _store.SaveAsync(tx, BacktestRecords.Recorded(averageRMeasured: false)));
        var found = await database.InTransactionAsync(tx => _store.FindAsync(tx, "ema-cross", "BTC/USD", "1m"));

        Assert.Equal((null, null), (found!.AverageWinR, found.AverageLossR));
    }

    [Fact]
    public async Task A_replacing_record_brings_its_own_average_r()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.InTransactionAsync(tx => _store.SaveAsync(tx, BacktestRecords.Recorded(averageRMeasured: false, dataEndAt: End)));

        await database.InTransactionAsync(tx => _store.SaveAsync(tx, BacktestRecords.Recorded(passed: false, dataEndAt: End.AddDays(1))));
        var found = await database.InTransactionAsync(tx => _store.FindAsync(tx, "ema-cross", "BTC/USD", "1m"));

        Assert.Equal((1.4m, 0.8m), (found!.AverageWinR, found.AverageLossR));
    }

    [Fact]
    public async Task Finds_nothing_for_another_strategy_symbol_or_interval()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.InTransactionAsync(tx => _store.SaveAsync(tx, BacktestRecords.Recorded()));

        var strategy = await database.InTransactionAsync(tx => _store.FindAsync(tx, "other", "BTC/USD", "1m"));
        var symbol = await database.InTransactionAsync(tx => _store.FindAsync(tx, "ema-cross", "ETH/USD", "1m"));
        var interval = await database.InTransactionAsync(tx => _store.FindAsync(tx, "ema-cross", "BTC/USD", "5m"));

        Assert.Null(strategy);
        Assert.Null(symbol);
        Assert.Null(interval);
    }

    [Fact]
    public async Task A_record_of_newer_data_replaces_the_stored_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.InTransactionAsync(tx => _store.SaveAsync(tx, BacktestRecords.Recorded(passed: false, dataEndAt: End)));

        var write = await database.InTransactionAsync(tx => _store.SaveAsync(tx, BacktestRecords.Recorded(passed: true, dataEndAt: End.AddDays(7))));
        var found = await database.InTransactionAsync(tx => _store.FindAsync(tx, "ema-cross", "BTC/USD", "1m"));

        Assert.Equal(BacktestRecordWrite.Replaced, write);
        Assert.Equal((true, End.AddDays(7)), (found!.Passed, found.DataEndAt));
    }

    [Fact]
    public async Task A_record_of_older_data_never_replaces_the_stored_one_even_when_recorded_later()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.InTransactionAsync(tx => _store.SaveAsync(tx, BacktestRecords.Recorded(passed: true, dataEndAt: End)));

        var write = await database.InTransactionAsync(tx => _store.SaveAsync(tx,
            BacktestRecords.Recorded(passed: false, dataEndAt: End.AddDays(-1), recordedAt: BacktestRecords.RecordedAt.AddDays(1))));
        var found = await database.InTransactionAsync(tx => _store.FindAsync(tx, "ema-cross", "BTC/USD", "1m"));

        Assert.Equal(BacktestRecordWrite.Kept, write);
        Assert.Equal((true, End, BacktestRecords.RecordedAt), (found!.Passed, found.DataEndAt, found.RecordedAt));
    }

    [Fact]
    public async Task A_rerun_on_the_same_data_replaces_the_earlier_run()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.InTransactionAsync(tx => _store.SaveAsync(tx, BacktestRecords.Recorded(passed: true, dataEndAt: End)));

        var write = await database.InTransactionAsync(tx => _store.SaveAsync(tx,
            BacktestRecords.Recorded(passed: false, dataEndAt: End, recordedAt: BacktestRecords.RecordedAt.AddHours(1))));
        var found = await database.InTransactionAsync(tx => _store.FindAsync(tx, "ema-cross", "BTC/USD", "1m"));

        Assert.Equal(BacktestRecordWrite.Replaced, write);
        Assert.False(found!.Passed);
    }

    [Fact]
    public async Task Keeps_one_row_per_strategy_symbol_and_interval()
    {
        await using var database = await TestDatabase.CreateAsync();

        foreach (var days in new[] { 0, 3, 1, 5, 2 })
        {
            await database.InTransactionAsync(tx => _store.SaveAsync(tx, BacktestRecords.Recorded(dataEndAt: End.AddDays(days))));
        }

        await database.InTransactionAsync(tx => _store.SaveAsync(tx, BacktestRecords.Recorded(interval: "5m")));
        var rows = await database.QueryAsync<(string, DateTime)>("SELECT interval, data_end_at FROM backtest_records ORDER BY interval");

        Assert.Equal([("1m", End.AddDays(5).UtcDateTime), ("5m", End.UtcDateTime)], rows);
    }
}
