// TEMPORARY stand-in until branch `aggregate` lands.
import CandorClean
package struct Aggregator: Sendable {
    package init(plan: AggregationPlan) {}
    package mutating func add(_ batch: ResponseBatch) {}
    package func results(labels: (Int) -> [String]) -> [MetricResult] { [] }
}
