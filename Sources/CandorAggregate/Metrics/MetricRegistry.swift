/// Every metric kind Candor computes: the one list a new kind is added to.
///
/// A kind is a `MetricAccumulator` with its `MetricDefinition` in one file; listing the
/// accumulator here makes the kind resolvable from definitions (by its name), computable by the
/// aggregator, and known to reports (through its definition's type).
package enum MetricRegistry {
    /// The accumulators of every kind, in the order the documentation lists them.
    static let accumulators: [any MetricAccumulator.Type] = [
        ShareAccumulator.self,
        MultiselectAccumulator.self,
        LikertAccumulator.self,
        PromoterAccumulator.self,
        EngagementAccumulator.self,
        VarianceShareAccumulator.self,
        DriversAccumulator.self,
        MeanAccumulator.self,
    ]

    /// Every kind's definition type.
    package static let kinds: [any MetricDefinition.Type] = accumulators.map { $0.definitionType }

    /// The kind written `name` in definitions.
    package static func kind(named name: String) -> (any MetricDefinition.Type)? {
        kinds.first { $0.name == name }
    }

    /// The keys of the kind written `name` (besides `id`, `kind` and `label`).
    package static func keys(ofKind name: String) -> [String] {
        kind(named: name)?.keys ?? []
    }

    /// The names of the kinds that take `key`.
    package static func kinds(taking key: String) -> [String] {
        kinds.filter { $0.keys.contains(key) }.map { $0.name }
    }

    /// Every key some kind takes, each once, in the kinds' order.
    package static var allKeys: [String] {
        kinds.reduce(into: []) { keys, kind in
            for key in kind.keys where !keys.contains(key) { keys.append(key) }
        }
    }

    /// The metric of kind `name` read from `arguments`; `nil` when no kind has that name.
    package static func resolve<Arguments: MetricArguments>(
        kind name: String, _ arguments: inout Arguments
    ) throws(Arguments.Failure) -> MetricKind? {
        guard let kind = kind(named: name) else { return nil }
        return try kind.kind(resolving: &arguments)
    }

    /// An empty accumulator for `kind`.
    static func accumulator(for kind: MetricKind, context: AccumulatorContext) -> any MetricAccumulator {
        for type in accumulators {
            if let accumulator = type.make(kind.definition, context: context) { return accumulator }
        }
        // Definitions are package types whose only makers are the kinds' files; a kind that is
        // not listed above cannot be resolved from a definition file, only built by hand.
        preconditionFailure("metric kind '\(kind.name)' is not listed in MetricRegistry")
    }
}
