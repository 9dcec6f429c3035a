-- The newest backtest record per strategy, symbol and interval: the live gate. A record whose data ends earlier never
-- replaces a stored one (BacktestRecordRule); parameters are the JSON object exactly as recorded.
CREATE TABLE backtest_records (
    strategy text NOT NULL,
    symbol text NOT NULL,
    interval text NOT NULL,
    data_start_at timestamptz NOT NULL,
    data_end_at timestamptz NOT NULL,
    parameters text NOT NULL,
    trades integer NOT NULL,
    wins integer NOT NULL,
    win_rate numeric NOT NULL,
    profit_factor numeric,
    expectancy_r numeric NOT NULL,
    net_pnl numeric NOT NULL,
    max_drawdown_pct numeric NOT NULL,
    breakeven_win_rate numeric NOT NULL,
    passed boolean NOT NULL,
    gate_reasons text[] NOT NULL,
    recorded_at timestamptz NOT NULL,
    stored_at timestamptz NOT NULL,
    PRIMARY KEY (strategy, symbol, interval)
);

-- Every signal is stored; one the live gate held back is not published and says why. The market context and the backtest
-- record are stored as the signal carried them.
ALTER TABLE signals
    ADD COLUMN published boolean NOT NULL DEFAULT true,
    ADD COLUMN suppressed_reason text,
    ADD COLUMN regime text,
    ADD COLUMN higher_timeframe text,
    ADD COLUMN higher_timeframe_trend text,
    ADD COLUMN macro_trend text,
    ADD COLUMN backtest jsonb,
    ADD CONSTRAINT signals_suppressed_has_reason CHECK (published OR suppressed_reason IS NOT NULL);
