/// The version `candor --version` prints.
///
/// Bump it in the commit that changes what a user sees: a new or renamed option, key or report
/// field, or a dropped alias (the camelCase `inspect --json` keys go in the release after the
/// one that added their snake_case twins). Semantic versioning: the JSON report's schema and the
/// exit codes are the public interface.
enum CandorVersion {
    /// The version, `MAJOR.MINOR.PATCH`.
    static let current = "0.2.0"
}
