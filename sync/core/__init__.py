"""The shared contract and rules: what both the PC and the central office import.

- `rules` — the calling rules: outcomes, Zetkin codes, contact statuses and their precedence (one definition);
- `protocol` — the versioned wire protocol (pydantic), including the report's one versioned shape;
- `clearance` — signed clearances and revocation lists, verified offline;
- `purposes` — the purposes a member list may be used for and the fields each needs;
- `memberfile` — the membership-file reader (CSV/XLSX, minimisation, E.164);
- `audit_chain` — the hash chain of audit events.

`sync.client` is the PC's side of the sync, `sync.server` the central office.
"""
