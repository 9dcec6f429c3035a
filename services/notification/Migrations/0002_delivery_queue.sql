-- The delivery log becomes the delivery queue: a row per (event, channel) is written 'pending' when the event is consumed, with the
-- notice to send; the channel's single sender claims it ('sending', committed before the request), then records the outcome.
-- 'interrupted': the sender died during the request; it is not sent again (never twice) and is logged. 'folded': sent inside a digest.
ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check
    CHECK (status IN ('pending', 'sending', 'delivered', 'failed', 'folded', 'interrupted'));
ALTER TABLE deliveries ALTER COLUMN last_attempt_at DROP NOT NULL;
ALTER TABLE deliveries
    ADD COLUMN sequence bigserial,
    ADD COLUMN notice jsonb NULL,
    ADD COLUMN silent boolean NOT NULL DEFAULT false,
    ADD COLUMN created_at timestamptz NULL,
    ADD COLUMN next_attempt_at timestamptz NULL,
    ADD COLUMN digest_id uuid NULL,
    ADD COLUMN trace_parent text NULL;

CREATE INDEX deliveries_due ON deliveries (channel, sequence) WHERE status = 'pending';

-- What the status report and the daily summary tell: counters of what the service saw, the account as risk last announced it, and
-- the closed positions of each day.
CREATE TABLE seen_events (
    event_id uuid PRIMARY KEY,
    kind text NOT NULL,
    seen_at timestamptz NOT NULL
);

CREATE INDEX seen_events_kind ON seen_events (kind, seen_at);

CREATE TABLE account_snapshot (
    id integer PRIMARY KEY CHECK (id = 1),
    equity numeric NOT NULL,
    pnl_today numeric NOT NULL,
    open_positions integer NOT NULL,
    halts text NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE closed_positions (
    position_id uuid PRIMARY KEY,
    symbol text NOT NULL,
    pnl numeric NOT NULL,
    r_multiple numeric NOT NULL,
    closed_at timestamptz NOT NULL
);

CREATE INDEX closed_positions_closed_at ON closed_positions (closed_at);
