// The CandorReport module; see Docs/ARCHITECTURE.md.
