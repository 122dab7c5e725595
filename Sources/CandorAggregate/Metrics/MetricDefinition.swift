import CandorClean

/// What a metric of one kind declares: the resolved keys of its definition entry.
///
/// Each kind is one type conforming to this protocol, in the same file as its accumulator (a
/// `MetricAccumulator` whose `Definition` it is), and one line in `MetricRegistry`. Everything
/// else that differs between kinds is a requirement here or there, so the compiler points at it.
package protocol MetricDefinition: Hashable, Sendable {
    /// The kind's name as written in definitions (`kind: share`).
    static var name: String { get }
    /// The keys a metric of this kind may have besides `id`, `kind` and `label`, in the order
    /// the documentation lists them.
    static var keys: [String] { get }
    /// The units of the kind's primary figure (`MetricResult.overall`).
    static var unit: FigureUnit { get }
    /// The headline placeholder that names the primary figure besides `{share}` and `{value}`
    /// (`{mean}` for a mean), or `nil`.
    static var valuePlaceholder: String? { get }

    /// Reads a metric of this kind from its definition entry.
    ///
    /// - Throws: `Arguments.Failure` when a key is missing, of the wrong shape, or names a field
    ///   the kind cannot use.
    static func resolve<Arguments: MetricArguments>(_ arguments: inout Arguments) throws(Arguments.Failure) -> Self

    /// Who the primary figure's base is, in words that follow its number ("who answered all
    /// twelve items of engagement"), for headlines whose base is not every respondent; `nil`
    /// when the kind has no such phrase. `fieldNames` gives the schema's field names by index.
    func base(fieldNames: [String]) -> String?
}

/// A metric's definition entry as a kind reads it: its keys, resolved against the schema by the
/// pipeline that loaded the file, with errors that point at the file's lines.
///
/// Every accessor returns `nil` when the key is absent, so a kind decides what is required.
package protocol MetricArguments {
    /// The error a reader throws (the pipeline's definition error).
    associatedtype Failure: Error

    /// The metric's id, for messages.
    var id: String { get }
    /// The schema the metric is resolved against.
    var schema: SurveySchema { get }
    /// Whether the entry has `key`.
    func has(_ key: String) -> Bool
    /// `key` as text.
    func string(_ key: String) throws(Failure) -> String?
    /// `key` as a whole number.
    func int(_ key: String) throws(Failure) -> Int?
    /// `key` as a count: a whole number, 0 or more.
    func count(_ key: String) throws(Failure) -> Int?
    /// `key` as a number.
    func double(_ key: String) throws(Failure) -> Double?
    /// The index of the field `key` names.
    func field(_ key: String) throws(Failure) -> Int?
    /// The block `key` names.
    func block(_ key: String) throws(Failure) -> SurveySchema.Block?
    /// The Likert fields `key` lists.
    func likertFields(_ key: String) throws(Failure) -> [Int]?
    /// The per-respondent score `key` describes (`{field: F}` or `{block: B}`); a `boolean`
    /// field (read as 1 = yes, 0 = no) only when `allowsBoolean`.
    func score(_ key: String, allowsBoolean: Bool) throws(Failure) -> Score?
    /// The condition `key` holds, resolved (it may add category values to the schema), and in words.
    mutating func predicate(_ key: String) throws(Failure) -> (predicate: Predicate, description: String)?
    /// An error at `key`'s value, or at the metric's `kind` when `key` is `nil`.
    func error(at key: String?, _ message: String) -> Failure
}

extension MetricArguments {
    /// `value`, or the error that the metric of kind `kind` needs `key`.
    package func required<Value>(_ key: String, of kind: String, _ value: Value?) throws(Failure) -> Value {
        guard let value else { throw error(at: nil, "metric '\(id)' (\(kind)) needs '\(key)'") }
        return value
    }

    /// Throws that the metric of kind `kind` needs `key` unless the entry has it, for a kind
    /// that reads other keys before `key` but must first report `key` missing.
    package func requirePresence(of key: String, kind: String) throws(Failure) {
        _ = try required(key, of: kind, has(key) ? true : nil)
    }

    /// The per-respondent score `key` describes, from an integer, number or likert field or a block.
    package func score(_ key: String) throws(Failure) -> Score? { try score(key, allowsBoolean: false) }

    /// The kind of field `index` in the schema.
    package func kind(ofField index: Int) -> FieldKind { schema.fields[index].kind }
}

extension MetricDefinition {
    /// `resolve` wrapped as a `MetricKind`, callable on a kind found by name in `MetricRegistry`.
    package static func kind<Arguments: MetricArguments>(
        resolving arguments: inout Arguments
    ) throws(Arguments.Failure) -> MetricKind {
        MetricKind(try resolve(&arguments))
    }
}
