/// How the category codes of a cleaner that read a later part of an input translate into the
/// codes of the cleaner that read the parts before it.
///
/// Open category sets number their values in order of first appearance, so two cleaners that
/// read two halves of a file at once give the same value different codes. After merging, the
/// earlier cleaner's table holds what one sequential pass would have built; the aggregate
/// state of the later part must be re-keyed with these codes before it is merged.
package struct CategoryRecoding: Sendable, Equatable {
    /// Per category field (schema index): the later part's code → the merged code.
    package var codes: [Int: [Int]]

    /// Creates a recoding.
    package init(codes: [Int: [Int]] = [:]) { self.codes = codes }

    /// The merged code of `code` of `field`; fields without a table keep their codes.
    @inline(__always)
    package func code(_ code: Int, ofField field: Int) -> Int {
        guard code >= 0, let table = codes[field] else { return code }
        return code < table.count ? table[code] : -1
    }
}
