using Trading.Contracts.Signals;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Signal.Backtests;

/// <summary>The newest backtest record per (strategy, symbol, interval): what the live gate reads.</summary>
public sealed class BacktestRecordStore
{
    /// <summary>Stores the record unless a newer one is stored (see <see cref="BacktestRecordRule"/>).</summary>
    public async Task<BacktestRecordWrite> SaveAsync(OutboxTransaction tx, BacktestRecorded record)
    {
        // At most twice: when the row is missing and a concurrent transaction inserts it first, the second pass compares with it.
        for (var attempt = 0; ; attempt++)
        {
            var stored = await tx.QuerySingleOrDefaultAsync<StoredRange>(
                """
                SELECT data_end_at, recorded_at FROM backtest_records
                WHERE strategy = @Strategy AND symbol = @Symbol AND interval = @Interval
                FOR UPDATE
                """,
                new { record.Strategy, record.Symbol, record.Interval });
            if (stored is not null)
            {
                if (!BacktestRecordRule.Supersedes(record.DataEndAt, record.RecordedAt, Utc(stored.DataEndAt), Utc(stored.RecordedAt)))
                {
                    return BacktestRecordWrite.Kept;
                }

                await tx.ExecuteAsync(
                    """
                    UPDATE backtest_records SET
                        data_start_at = @DataStartAt, data_end_at = @DataEndAt, parameters = @Parameters, trades = @Trades, wins = @Wins,
                        win_rate = @WinRate, profit_factor = @ProfitFactor, expectancy_r = @ExpectancyR, average_win_r = @AverageWinR,
                        average_loss_r = @AverageLossR, net_pnl = @NetPnl, max_drawdown_pct = @MaxDrawdownPct, breakeven_win_rate = @BreakevenWinRate, passed = @Passed,
                        gate_reasons = @GateReasons, recorded_at = @RecordedAt, stored_at = @StoredAt
                    WHERE strategy = @Strategy AND symbol = @Symbol AND interval = @Interval
                    """,
                    Parameters(tx, record));
                return BacktestRecordWrite.Replaced;
            }

            var inserted = await tx.ExecuteAsync(
                """
                INSERT INTO backtest_records (strategy, symbol, interval, data_start_at, data_end_at, parameters, trades, wins, win_rate,
                                              profit_factor, expectancy_r, average_win_r, average_loss_r, net_pnl, max_drawdown_pct,
                                              breakeven_win_rate, passed, gate_reasons, recorded_at, stored_at)
                VALUES (@Strategy, @Symbol, @Interval, @DataStartAt, @DataEndAt, @Parameters, @Trades, @Wins, @WinRate,
                        @ProfitFactor, @ExpectancyR, @AverageWinR, @AverageLossR, @NetPnl, @MaxDrawdownPct,
                        @BreakevenWinRate, @Passed, @GateReasons, @RecordedAt, @StoredAt)
                ON CONFLICT DO NOTHING
                """,
                Parameters(tx, record));
            if (inserted == 1)
            {
                return BacktestRecordWrite.Inserted;
            }

            if (attempt > 0)
            {
                throw new InvalidOperationException(
                    $"The backtest record of {record.Strategy} on {record.Symbol} {record.Interval} could be neither inserted nor read.");
            }
        }
    }

    /// <summary>The stored record of the strategy on the symbol and interval, or null.</summary>
    public async Task<BacktestRecord?> FindAsync(OutboxTransaction tx, string strategy, string symbol, string interval)
    {
        var row = await tx.QuerySingleOrDefaultAsync<RecordRow>(
            """
            SELECT data_start_at, data_end_at, parameters, trades, wins, win_rate, profit_factor, expectancy_r, average_win_r,
                   average_loss_r, net_pnl, max_drawdown_pct, breakeven_win_rate, passed, gate_reasons, recorded_at
            FROM backtest_records
            WHERE strategy = @strategy AND symbol = @symbol AND interval = @interval
            """,
            new { strategy, symbol, interval });
        return row?.ToRecord();
    }

    private static object Parameters(OutboxTransaction tx, BacktestRecorded record) => new
    {
        record.Strategy,
        record.Symbol,
        record.Interval,
        DataStartAt = record.DataStartAt.ToUniversalTime(),
        DataEndAt = record.DataEndAt.ToUniversalTime(),
        record.Parameters,
        record.Trades,
        record.Wins,
        record.WinRate,
        record.ProfitFactor,
        record.ExpectancyR,
        record.AverageWinR,
        record.AverageLossR,
        record.NetPnl,
        record.MaxDrawdownPct,
        record.BreakevenWinRate,
        record.Passed,
        GateReasons = record.GateReasons.ToArray(),
        RecordedAt = record.RecordedAt.ToUniversalTime(),
        StoredAt = tx.Now.ToUniversalTime(),
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    // Npgsql reads timestamptz as a UTC DateTime; converting here keeps Dapper away from DateTimeOffset.
    private sealed class StoredRange
    {
        public DateTime DataEndAt { get; set; }

        public DateTime RecordedAt { get; set; }
    }

    private sealed class RecordRow
    {
        public DateTime DataStartAt { get; set; }

        public DateTime DataEndAt { get; set; }

        public string Parameters { get; set; } = "";

        public int Trades { get; set; }

        public int Wins { get; set; }

        public decimal WinRate { get; set; }

        public decimal? ProfitFactor { get; set; }

        public decimal ExpectancyR { get; set; }

        public decimal? AverageWinR { get; set; }

        public decimal? AverageLossR { get; set; }

        public decimal NetPnl { get; set; }

        public decimal MaxDrawdownPct { get; set; }

        public decimal BreakevenWinRate { get; set; }

        public bool Passed { get; set; }

        public string[] GateReasons { get; set; } = [];

        public DateTime RecordedAt { get; set; }

        public BacktestRecord ToRecord() => new()
        {
            DataStartAt = Utc(DataStartAt),
            DataEndAt = Utc(DataEndAt),
            Parameters = Parameters,
            Trades = Trades,
            Wins = Wins,
            WinRate = WinRate,
            ProfitFactor = ProfitFactor,
            ExpectancyR = ExpectancyR,
            AverageWinR = AverageWinR,
            AverageLossR = AverageLossR,
            NetPnl = NetPnl,
            MaxDrawdownPct = MaxDrawdownPct,
            BreakevenWinRate = BreakevenWinRate,
            Passed = Passed,
            GateReasons = GateReasons,
            RecordedAt = Utc(RecordedAt),
        };
    }
}
