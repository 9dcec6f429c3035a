-- Orders received from risk. client_order_id is deterministic, so a redelivered or duplicated PlaceOrder
-- conflicts here and never creates a second order.
CREATE TABLE orders (
    order_id uuid PRIMARY KEY,
    client_order_id text NOT NULL UNIQUE,
    signal_id uuid NOT NULL,
    venue text NOT NULL,
    symbol text NOT NULL,
    side text NOT NULL CHECK (side IN ('buy', 'sell')),
    quantity numeric NOT NULL,
    entry numeric NOT NULL,
    stop_loss numeric NOT NULL,
    take_profit numeric NOT NULL,
    signal_at timestamptz NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'filled', 'rejected')),
    reject_reason text NULL,
    fill_price numeric NULL,
    fee numeric NULL,
    filled_at timestamptz NULL,
    created_at timestamptz NOT NULL
);

CREATE INDEX orders_pending ON orders (venue, symbol, signal_at) WHERE status = 'pending';
CREATE INDEX orders_signal ON orders (signal_id);

-- One position per signal; closed positions keep their result.
CREATE TABLE positions (
    position_id uuid PRIMARY KEY,
    signal_id uuid NOT NULL UNIQUE,
    order_id uuid NOT NULL REFERENCES orders (order_id),
    venue text NOT NULL,
    symbol text NOT NULL,
    direction text NOT NULL CHECK (direction IN ('long', 'short')),
    quantity numeric NOT NULL,
    entry_price numeric NOT NULL,
    entry_fee numeric NOT NULL,
    stop_loss numeric NOT NULL,
    take_profit numeric NOT NULL,
    opened_at timestamptz NOT NULL,
    status text NOT NULL CHECK (status IN ('open', 'closed')),
    exit_price numeric NULL,
    exit_fee numeric NULL,
    exit_reason text NULL CHECK (exit_reason IN ('stop_loss', 'take_profit', 'time_exit', 'flatten')),
    realized_pnl numeric NULL,
    r_multiple numeric NULL,
    closed_at timestamptz NULL
);

CREATE INDEX positions_open ON positions (venue, symbol, opened_at) WHERE status = 'open';
