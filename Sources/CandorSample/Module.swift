// The CandorSample module; see Docs/ARCHITECTURE.md.
