-- Schema version 5: volunteers' confidentiality pledges (design.md step 5, DP-11).

CREATE TABLE pledges (
    id           TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES people (id),
    admitted_by  TEXT NOT NULL REFERENCES people (id),
    text_version TEXT NOT NULL,
    typed_name   TEXT NOT NULL,          -- the volunteer's signature (stays in the encrypted workspace)
    signed_at    TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
    decided_at   TEXT
) STRICT;

CREATE INDEX pledges_person ON pledges (person_id, signed_at);
