/// The permission bits an output file is created with.
///
/// The bits are passed to `open(2)` when the file is created and never changed afterwards, so a
/// file holding people's answers is never readable by others, not even for a moment. The
/// process umask still applies, and can only take bits away.
package struct FilePermissions: Sendable, Hashable {
    /// The mode bits, e.g. `0o600`.
    package var rawValue: UInt16

    /// Permissions with the given mode bits.
    package init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// `0600`: files holding respondents' answers (the rejects file), readable by the owner only.
    package static let ownerOnly = FilePermissions(rawValue: 0o600)
    /// `0644`: reports and logs, which hold only aggregates and may be shared.
    package static let readableByAll = FilePermissions(rawValue: 0o644)
}
