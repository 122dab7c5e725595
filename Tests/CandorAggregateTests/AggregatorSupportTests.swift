import Testing

@testable import CandorAggregate
@testable import CandorClean

/// Shorthand for an unanswered value in test rows.
let M: Int64? = nil

/// A batch of `rows` (nil = unanswered) with `weights` (1 each when omitted).
func makeBatch(_ rows: [[Int64?]], weights: [Double]? = nil) -> ResponseBatch {
    var batch = ResponseBatch(width: rows.first?.count ?? 0, capacity: rows.count)
    for (index, row) in rows.enumerated() {
        let values = row.map { $0 ?? Response.missing }
        values.withUnsafeBufferPointer { batch.append($0, weight: weights?[index] ?? 1) }
    }
    return batch
}

/// Aggregates `rows` in one batch and returns the aggregator.
func aggregate(_ plan: AggregationPlan, _ rows: [[Int64?]], weights: [Double]? = nil) -> Aggregator {
    var aggregator = Aggregator(plan: plan)
    aggregator.add(makeBatch(rows, weights: weights))
    return aggregator
}

/// The five-point agree scale (favourable 4–5, unfavourable 1–2).
let agree5 = LikertScale(
    name: "agree5", labels: ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"])

/// A category field.
func categoryField(_ name: String, _ values: [String]) -> FieldSpec {
    FieldSpec(
        name: name, source: ColumnSource(header: name), kind: .category(CategorySpec(values: values, closed: true)))
}

/// A Likert field on `agree5`.
func likertField(_ name: String) -> FieldSpec {
    FieldSpec(name: name, source: ColumnSource(header: name), kind: .likert(agree5, reverse: false))
}

/// The labels a cleaner would give the category fields of the test schemas.
func testLabels(_ schema: SurveySchema) -> (Int) -> [String] {
    { field in
        guard schema.fields.indices.contains(field), case .category(let spec) = schema.fields[field].kind else {
            return []
        }
        return spec.values
    }
}

/// The segment table named `name` of `result`.
func table(_ result: MetricResult, _ name: String) -> SegmentTable? { result.segments.first { $0.name == name } }

/// The row labelled `labels` of `table`.
func row(_ table: SegmentTable?, _ labels: String...) -> SegmentRow? { table?.rows.first { $0.labels == labels } }

@Suite struct AggregatorSupportTests {
    @Test func batchesHoldTheRowsAndWeights() {
        let batch = makeBatch([[1, M], [3, 4]], weights: [0.5, 2])
        #expect(batch.count == 2)
        #expect([batch.code(0, 0), batch.code(0, 1), batch.code(1, 0), batch.code(1, 1)] == [1, nil, 3, 4])
        #expect([batch.weight(0), batch.weight(1)] == [0.5, 2])
    }

    @Test func aBatchOfAnotherWidthIsIgnored() {
        let schema = SurveySchema(fields: [categoryField("dept", ["A", "B"])])
        let plan = AggregationPlan(
            schema: schema,
            metrics: [
                MetricSpec(
                    id: "a", label: "A", kind: .share(where: .oneOf(field: 0, values: [0]), among: nil, definition: "A")
                )
            ])
        var aggregator = Aggregator(plan: plan)
        aggregator.add(makeBatch([[0, 1]]))
        #expect(aggregator.responseCount == 0)
        #expect(aggregator == Aggregator(plan: plan))
    }
}
