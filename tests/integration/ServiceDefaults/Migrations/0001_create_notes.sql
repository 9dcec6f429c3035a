CREATE TABLE notes (
    id uuid PRIMARY KEY,
    text text NOT NULL
);
