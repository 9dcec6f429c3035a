-- Live instances of market-data that split the configured symbols between them. heartbeat_at is the database's now()
-- at each beat, so hosts whose clocks disagree still agree on who is alive.
CREATE TABLE feed_members (
    instance_id text PRIMARY KEY,
    heartbeat_at timestamptz NOT NULL
);

-- Which instance streams each symbol. Only the owner renews a lease; once expires_at has passed (database time) any
-- instance may take the symbol over.
CREATE TABLE feed_leases (
    symbol text PRIMARY KEY,
    owner text NOT NULL,
    expires_at timestamptz NOT NULL
);
