/// How the category codes of a cleaner that read a later part of an input translate into the
/// codes of the cleaner that read the parts before it.
///
/// Open category sets number their values in order of first appearance, so two cleaners that
/// read two halves of a file at once give the same value different codes. After merging, the
/// earlier cleaner's table holds what one sequential pass would have built; the aggregate
/// state of the later part must be re-keyed with these codes before it is merged.
package struct CategoryRecoding: Sendable, Equatable {
    /// Per category field (schema index): the later part's code → the merged code (−1 for
    /// none). `Int32`, as codes are (see `CategoryTable`): a recoding exists only while both
    /// parts' tables do, at the peak of a run's memory, and a field with a hundred thousand
    /// values would otherwise add 0.8 MB to it.
    package var codes: [Int: [Int32]]

    /// Creates a recoding.
    package init(codes: [Int: [Int32]] = [:]) { self.codes = codes }

    /// Creates a recoding from codes of any width (each below 2^31).
    package init(codes: [Int: [Int]]) { self.codes = codes.mapValues { $0.map { Int32($0) } } }

    /// The merged code of `code` of `field`; fields without a table keep their codes.
    @inline(__always)
    package func code(_ code: Int, ofField field: Int) -> Int {
        guard code >= 0, let table = codes[field] else { return code }
        return code < table.count ? Int(table[code]) : -1
    }
}
