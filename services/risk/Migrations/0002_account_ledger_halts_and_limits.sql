-- The decision's inputs: the signal's strategy and interval, the account, limits and correlations it was made on, and the
-- backtest figures live results are compared with.
ALTER TABLE decisions
    ADD COLUMN venue text NULL,
    ADD COLUMN strategy text NULL,
    ADD COLUMN interval text NULL,
    ADD COLUMN signal_at timestamptz NULL,
    ADD COLUMN notional numeric NULL,
    ADD COLUMN backtest_win_rate numeric NULL,
    ADD COLUMN backtest_profit_factor numeric NULL,
    ADD COLUMN backtest_max_drawdown_pct numeric NULL,
    ADD COLUMN inputs jsonb NULL;

CREATE INDEX decisions_decided_at ON decisions (decided_at);

-- What risk knows of each position: enough to count it against the limits (direction, notional) and to learn from its result.
ALTER TABLE positions
    ADD COLUMN venue text NULL,
    ADD COLUMN direction text NULL CHECK (direction IN ('Long', 'Short')),
    ADD COLUMN entry numeric NULL,
    ADD COLUMN notional numeric NULL,
    ADD COLUMN opened_at timestamptz NULL,
    ADD COLUMN closed_at timestamptz NULL,
    ADD COLUMN closed_booked_at timestamptz NULL,
    ADD COLUMN r_multiple numeric NULL,
    ADD COLUMN exit_reason text NULL;

CREATE INDEX positions_closed ON positions (closed_booked_at) WHERE status = 'closed';

-- The account ledger: every amount that changed equity, once (reference is the natural key: the fill's order id for a fee, the
-- position for a result). Equity = starting equity + sum(amount). booked_at is when risk booked it (wall clock: the UTC day of
-- the daily loss limit); event_at the market time of the fill or close.
CREATE TABLE ledger (
    entry_id bigserial PRIMARY KEY,
    reference text NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('fee', 'realised')),
    signal_id uuid NOT NULL,
    amount numeric NOT NULL,
    event_at timestamptz NOT NULL,
    booked_at timestamptz NOT NULL
);

CREATE INDEX ledger_booked_at ON ledger (booked_at);

-- One row: the highest equity seen, the base of the drawdown limit. An operator's resume after a drawdown halt resets it to the
-- equity of that moment.
CREATE TABLE account_state (
    id integer PRIMARY KEY CHECK (id = 1),
    peak_equity numeric NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Halts: kill switch, drawdown (until an operator resumes) and daily loss (until the next UTC midnight). A halt is active while
-- ended_at is null and, when it has one, before its until.
CREATE TABLE halts (
    halt_id bigserial PRIMARY KEY,
    rule text NOT NULL CHECK (rule IN ('kill-switch', 'max-drawdown', 'daily-loss-limit')),
    reason text NOT NULL,
    started_at timestamptz NOT NULL,
    until timestamptz NULL,
    ended_at timestamptz NULL,
    end_reason text NULL
);

CREATE INDEX halts_active ON halts (rule) WHERE ended_at IS NULL;

-- Limits an operator changed at run time: they override the configuration and survive restarts.
CREATE TABLE limit_overrides (
    name text PRIMARY KEY,
    value jsonb NOT NULL,
    changed_at timestamptz NOT NULL
);

-- The audit trail of every operator action: limit changes (old and new value), kill switch, resume, strategy re-enabled.
CREATE TABLE operator_actions (
    action_id bigserial PRIMARY KEY,
    action text NOT NULL,
    name text NULL,
    old_value jsonb NULL,
    new_value jsonb NULL,
    reason text NOT NULL,
    actor text NOT NULL,
    acted_at timestamptz NOT NULL
);

-- Closes of one interval per symbol, for the return correlations of the correlated-exposure rule.
CREATE TABLE candle_closes (
    symbol text NOT NULL,
    closed_at timestamptz NOT NULL,
    close numeric NOT NULL,
    PRIMARY KEY (symbol, closed_at)
);

-- Live (paper) results per strategy, symbol and interval against the backtest record they traded on: deviated_at is set once,
-- when the live figures first fall outside the band; disabled combinations are rejected until an operator enables them.
CREATE TABLE live_performance (
    strategy text NOT NULL,
    symbol text NOT NULL,
    interval text NOT NULL,
    deviated_at timestamptz NULL,
    deviation text NULL,
    disabled boolean NOT NULL DEFAULT false,
    PRIMARY KEY (strategy, symbol, interval)
);
