// The CandorAggregate module; see Docs/ARCHITECTURE.md.
