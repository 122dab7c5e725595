// The CandorIngest module; see Docs/ARCHITECTURE.md.
