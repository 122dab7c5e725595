/// Names of the independent random streams, so that changing how one thing is drawn never shifts
/// another (a respondent's answers do not depend on whether a Qualtrics row is partial).
enum SampleStream {
    /// Team sizes and the row permutation.
    static let roster: UInt64 = 1
    /// Per-team traits: department and the manager's effect on engagement.
    static let team: UInt64 = 2
    /// Per-row answers.
    static let respondent: UInt64 = 3
    /// Per-row Qualtrics completion (partial responses).
    static let completion: UInt64 = 4
}
