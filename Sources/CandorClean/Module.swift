// The CandorClean module; see Docs/ARCHITECTURE.md.
