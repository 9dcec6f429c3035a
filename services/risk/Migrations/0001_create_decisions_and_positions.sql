-- One decision per signal, with the account state and limits outcome it was made on.
CREATE TABLE decisions (
    signal_id uuid PRIMARY KEY,
    symbol text NOT NULL,
    direction text NOT NULL CHECK (direction IN ('Long', 'Short')),
    entry numeric NOT NULL,
    stop_loss numeric NOT NULL,
    take_profit numeric NOT NULL,
    equity numeric NOT NULL,
    open_positions integer NOT NULL,
    approved boolean NOT NULL,
    quantity numeric NOT NULL,
    rule text NULL,
    reason text NOT NULL,
    decided_at timestamptz NOT NULL
);

-- One row per approved signal. 'pending' (order sent, not yet filled) counts as open, so that two signals in quick
-- succession cannot both pass the open-position limit. Equity = starting equity + realized_pnl of closed rows.
CREATE TABLE positions (
    signal_id uuid PRIMARY KEY,
    order_id uuid NOT NULL UNIQUE,
    client_order_id text NOT NULL UNIQUE,
    symbol text NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'open', 'closed', 'rejected')),
    quantity numeric NOT NULL,
    realized_pnl numeric NULL,
    updated_at timestamptz NOT NULL
);

CREATE INDEX positions_active ON positions (status) WHERE status IN ('pending', 'open');
