// The CandorPipeline module; see Docs/ARCHITECTURE.md.
