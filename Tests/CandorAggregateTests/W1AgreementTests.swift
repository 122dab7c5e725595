import Foundation
import Testing

@testable import CandorAggregate
@testable import CandorClean

/// The W1 statistics (../shared/bench/peers/README.md) through `Aggregator`, against the C
/// reference on the same 40 responses.
///
/// Data: `python3 ../shared/bench/gen_survey.py 40 > w1_40.csv` (seed 7), encoded as cleaned
/// values by `python3 Tests/CandorAggregateTests/Reference/w1_rows.py w1_40.csv`, which prints the
/// `rows` below (departments in the generator's order, Likert labels as points, types as a
/// bitmask, yes/no as 1/0, managers M0000… as codes 0…). Expected: the C reference,
/// `cc -O2 -o c_libcsv_w1 ../shared/bench/peers/c_libcsv_w1.c -lcsv -lm && ./c_libcsv_w1 w1_40.csv`;
/// its output (40 rows, all valid) is pasted beside each check. Values are compared as W1 prints
/// them, `%.6f`.
enum W1Sample {
    static let departments = [
        "Engineering", "Sales", "Support", "Finance", "People", "Marketing", "Operations", "Legal",
    ]
    static let types = [
        "Micromanager", "Absentee", "Credit taker", "Bully", "Indecisive", "Poor communicator", "Plays favourites",
        "Conflict avoider",
    ]
    static let items = Array(1...12)

    /// 0 department, 1–12 q01–q12, 13 enps, 14 bad_boss_types, 15 left, 16 is_manager,
    /// 17 promoted_for_technical_skill, 18 wanted_to_manage, 19 manager_id.
    static let schema = SurveySchema(
        fields: [categoryField("department", departments)] + (1...12).map { likertField(String(format: "q%02d", $0)) }
            + [
                FieldSpec(name: "enps", source: ColumnSource(header: "enps"), kind: .integer(min: 0, max: 10)),
                FieldSpec(
                    name: "bad_boss_types", source: ColumnSource(header: "bad_boss_types"),
                    kind: .multiselect(
                        MultiselectSpec(options: types, noneOption: "None of these", encoding: .joined(separator: ";")))
                ),
                FieldSpec(name: "left", source: ColumnSource(header: "left"), kind: .boolean(.standard)),
                FieldSpec(name: "is_manager", source: ColumnSource(header: "is_manager"), kind: .boolean(.standard)),
                FieldSpec(name: "promoted", source: ColumnSource(header: "promoted"), kind: .boolean(.standard)),
                FieldSpec(name: "wanted", source: ColumnSource(header: "wanted"), kind: .boolean(.standard)),
                categoryField("manager_id", ["M0000", "M0001", "M0002", "M0003"]),
            ],
        blocks: [SurveySchema.Block(name: "engagement", fields: items)])

    static let plan = AggregationPlan(
        schema: schema,
        metrics: [
            MetricSpec(
                id: "share_any_bad_boss", label: "",
                kind: .share(where: .anyOf(field: 14, mask: 0xFF), among: nil, definition: "")),
            MetricSpec(id: "bad_boss_type_share", label: "", kind: .multiselect(field: 14)),
            MetricSpec(id: "favourable_share", label: "", kind: .likert(items: items, blockName: "engagement")),
            MetricSpec(id: "enps", label: "", kind: .nps(field: 13)),
            MetricSpec(
                id: "share_left", label: "",
                kind: .share(where: .oneOf(field: 15, values: [1]), among: nil, definition: "")),
            MetricSpec(
                id: "wrong_pick_share", label: "",
                kind: .share(
                    where: .all([.oneOf(field: 17, values: [1]), .oneOf(field: 18, values: [0])]),
                    among: .oneOf(field: 16, values: [1]), definition: "")),
            MetricSpec(
                id: "eta_squared_manager", label: "",
                kind: .varianceShare(score: .meanOf(items: items, name: "engagement"), group: 19)),
        ],
        segments: [0],
        // W1 has no anonymity threshold.
        privacy: PrivacyRules(minGroupSize: 1))

    static let rows: [[Int64?]] = [
        [5, 3, 3, 2, 2, 3, 2, 2, 4, 2, 2, 3, 3, 5, 53, 0, 0, M, M, 0],
        [5, 4, 4, 3, 2, 3, 3, 4, 4, 4, 3, 3, 2, 8, 165, 1, 1, 1, 0, 1],
        [6, 3, 2, 5, 1, 3, 4, 3, 3, 1, 2, 2, 2, 8, 9, 1, 1, 1, 0, 2],
        [1, 5, 2, 2, 4, 4, 3, 4, 2, 4, 4, 3, 4, 5, 194, 0, 1, 1, 1, 1],
        [1, 1, 3, 2, 3, 3, 2, 3, 3, 1, 3, 4, 2, 7, 152, 1, 0, M, M, 2],
        [2, 4, 3, 2, 2, 2, 5, 3, 4, 2, 3, 4, 2, 5, 224, 0, 0, M, M, 0],
        [7, 3, 3, 4, 3, 3, 1, 3, 3, 3, 3, 2, 2, 7, 6, 0, 0, M, M, 3],
        [5, 3, 4, 5, 5, 2, 3, 4, 4, 4, 4, 4, 3, 6, 59, 0, 0, M, M, 1],
        [3, 4, 3, 2, 3, 3, 3, 2, 2, 5, 4, 2, 3, 8, 55, 1, 0, M, M, 1],
        [1, 5, 1, 4, 3, 4, 2, 4, 4, 2, 3, 4, 4, 5, 62, 0, 0, M, M, 1],
        [5, 5, 4, 3, 4, 4, 5, 4, 5, 3, 3, 5, 5, 6, 175, 1, 0, M, M, 1],
        [4, 2, 2, 2, 3, 3, 2, 2, 3, 3, 2, 3, 3, 4, 2, 1, 0, M, M, 3],
        [6, 2, 2, 2, 3, 3, 4, 1, 3, 3, 3, 4, 3, 9, 173, 1, 0, M, M, 3],
        [1, 4, 2, 3, 2, 4, 3, 1, 2, 1, 1, 5, 2, 6, 144, 0, 1, 1, 1, 2],
        [7, 4, 3, 4, 2, 3, 4, 3, 2, 2, 3, 4, 3, 4, 1, 1, 0, M, M, 2],
        [1, 3, 3, 4, 2, 4, 3, 3, 2, 2, 3, 3, 4, 1, 25, 0, 0, M, M, 2],
        [3, 5, 4, 3, 3, 3, 3, 4, 4, 3, 5, 4, 4, 7, 11, 1, 0, M, M, 1],
        [3, 5, 2, 4, 3, 2, 2, 4, 3, 2, 3, 3, 3, 5, 200, 1, 1, 1, 1, 0],
        [0, 4, 3, 3, 3, 1, 5, 3, 4, 3, 3, 3, 3, 6, 48, 0, 0, M, M, 3],
        [3, 3, 3, 2, 3, 1, 3, 3, 4, 3, 1, 3, 3, 2, 50, 0, 1, 1, 0, 3],
        [3, 5, 4, 5, 3, 2, 4, 4, 2, 3, 4, 3, 4, 9, 161, 1, 0, M, M, 1],
        [5, 3, 4, 5, 2, 4, 3, 1, 2, 2, 3, 4, 3, 6, 194, 1, 0, M, M, 0],
        [2, 3, 2, 4, 3, 1, 4, 3, 4, 4, 2, 4, 2, 9, 198, 0, 0, M, M, 0],
        [3, 3, 5, 4, 3, 3, 5, 3, 3, 3, 5, 4, 5, 10, 135, 0, 0, M, M, 1],
        [6, 2, 3, 2, 3, 2, 3, 4, 4, 3, 3, 3, 1, 6, 8, 0, 1, 0, 0, 2],
        [1, 2, 3, 5, 3, 3, 3, 3, 4, 2, 3, 2, 2, 9, 146, 0, 0, M, M, 2],
        [2, 3, 2, 2, 2, 3, 3, 1, 3, 3, 3, 4, 3, 5, 160, 0, 0, M, M, 2],
        [1, 4, 3, 3, 3, 4, 4, 4, 5, 4, 3, 4, 2, 8, 75, 0, 0, M, M, 1],
        [3, 4, 4, 3, 3, 2, 1, 5, 2, 4, 5, 4, 5, 7, 84, 1, 0, M, M, 0],
        [1, 2, 2, 2, 3, 3, 3, 3, 4, 5, 4, 2, 3, 7, 193, 1, 0, M, M, 3],
        [7, 3, 3, 4, 3, 3, 4, 4, 3, 3, 3, 3, 4, 8, 19, 1, 0, M, M, 1],
        [2, 3, 2, 5, 4, 4, 3, 4, 2, 4, 3, 3, 4, 4, 5, 0, 0, M, M, 1],
        [6, 4, 4, 4, 4, 4, 3, 2, 5, 3, 4, 4, 4, 6, 156, 1, 1, 0, 1, 1],
        [1, 5, 4, 2, 3, 5, 4, 2, 3, 4, 3, 2, 4, 5, 16, 0, 0, M, M, 1],
        [6, 2, 5, 2, 5, 3, 4, 4, 4, 3, 4, 5, 3, 7, 1, 1, 0, M, M, 1],
        [5, 3, 2, 2, 3, 4, 2, 2, 2, 4, 3, 3, 3, 8, 4, 0, 0, M, M, 3],
        [2, 3, 2, 2, 2, 4, 2, 2, 3, 3, 2, 3, 2, 2, 71, 1, 0, M, M, 0],
        [4, 3, 3, 3, 4, 3, 2, 4, 3, 3, 2, 4, 3, 7, 128, 0, 0, M, M, 1],
        [7, 2, 2, 3, 1, 3, 3, 2, 2, 2, 2, 2, 2, 7, 225, 0, 0, M, M, 2],
        [1, 2, 3, 3, 4, 4, 3, 3, 5, 2, 4, 4, 3, 6, 88, 0, 0, M, M, 0],
    ]

    static let results = aggregate(plan, rows).results(labels: testLabels(schema))
}

/// `value` as W1 prints it.
private func w1(_ value: Double?) -> String { value.map { String(format: "%.6f", $0) } ?? "null" }

@Suite struct W1AgreementTests {
    @Test func sharesAgreeWithTheCReference() {
        let results = W1Sample.results
        // "share_any_bad_boss": 1.000000, "enps": -40.000000,
        // "share_left_because_of_manager": 0.450000, "managers_n": 8, "wrong_pick_share": 0.375000
        #expect(w1(results[0].overall.value) == "1.000000")
        #expect(w1(results[3].overall.value) == "-40.000000")
        #expect(w1(results[4].overall.value) == "0.450000")
        #expect(results[5].overall.n == 8)
        #expect(w1(results[5].overall.value) == "0.375000")
    }

    @Test func typeSharesAgree() {
        // "Absentee": 0.400000, "Bully": 0.325000, "Conflict avoider": 0.450000, "Credit taker": 0.350000,
        // "Indecisive": 0.375000, "Micromanager": 0.475000, "Plays favourites": 0.275000, "Poor communicator": 0.325000
        let expected = [
            "Absentee": "0.400000", "Bully": "0.325000", "Conflict avoider": "0.450000", "Credit taker": "0.350000",
            "Indecisive": "0.375000", "Micromanager": "0.475000", "Plays favourites": "0.275000",
            "Poor communicator": "0.325000",
        ]
        guard case .multiselect(let options, _, _) = W1Sample.results[1].detail else {
            Issue.record("not a multiselect detail")
            return
        }
        // W1 lists only types seen; "None of these" was never chosen here.
        var seen: [String: String] = [:]
        for option in options where (option.figure.count ?? 0) > 0 { seen[option.label] = w1(option.figure.value) }
        #expect(seen == expected)
    }

    @Test func favourableSharesPerItemAgree() {
        // q01 0.400000 … q12 0.300000
        let expected = [
            "0.400000", "0.275000", "0.375000", "0.200000", "0.325000", "0.325000", "0.375000", "0.425000",
            "0.275000", "0.275000", "0.475000", "0.300000",
        ]
        guard case .likert(let items, _) = W1Sample.results[2].detail else {
            Issue.record("not a likert detail")
            return
        }
        #expect(items.map { w1($0.favourable.value) } == expected)
    }

    /// departments.D: n and favourable_share from the likert block's segment rows (answers 4–5
    /// over 12·n: the index pools answers), mean_engagement from the engagement index of that
    /// department's responses.
    @Test func departmentsAgree() throws {
        // "Engineering": 1, 3.166667, 0.250000; "Finance": 7, 3.333333, 0.404762; "Legal": 4, 2.833333, 0.187500;
        // "Marketing": 6, 3.250000, 0.402778; "Operations": 5, 3.100000, 0.366667; "People": 2, 2.791667, 0.125000;
        // "Sales": 10, 3.100000, 0.366667; "Support": 5, 2.916667, 0.283333
        let expected: [String: (n: Int, mean: String, favourable: String)] = [
            "Engineering": (1, "3.166667", "0.250000"), "Finance": (7, "3.333333", "0.404762"),
            "Legal": (4, "2.833333", "0.187500"), "Marketing": (6, "3.250000", "0.402778"),
            "Operations": (5, "3.100000", "0.366667"), "People": (2, "2.791667", "0.125000"),
            "Sales": (10, "3.100000", "0.366667"), "Support": (5, "2.916667", "0.283333"),
        ]
        let table = try #require(W1Sample.results[2].segments.first)
        #expect(table.rows.map { $0.labels[0] } == W1Sample.departments)
        let engagementPlan = AggregationPlan(
            schema: W1Sample.schema,
            metrics: [
                MetricSpec(
                    id: "e", label: "",
                    kind: .engagementIndex(
                        items: W1Sample.items, name: "engagement", engagedAt: 4, disengagedBelow: 2.5, minimumItems: 12,
                        engagedDisplayN: 0, allClassesDisplayN: 0))
            ],
            privacy: PrivacyRules(minGroupSize: 1))
        for (code, department) in W1Sample.departments.enumerated() {
            let want = try #require(expected[department])
            let shown = try #require(row(table, department))
            #expect(shown.figure.n == want.n, "\(department)")
            #expect(w1(shown.figure.value) == want.favourable, "\(department)")
            let subset = W1Sample.rows.filter { $0[0] == Int64(code) }
            let result = aggregate(engagementPlan, subset).results(labels: testLabels(W1Sample.schema))[0]
            guard case .engagement(_, _, _, let mean, _) = result.detail else {
                Issue.record("not an engagement detail")
                return
            }
            #expect(w1(mean) == want.mean, "\(department)")
        }
    }

    /// W1's eta² uses every manager (no threshold) and e = (sum of the 12 items)/12 per record.
    @Test func etaSquaredAgrees() {
        // "eta_squared_manager": 0.624581
        var groups = Array(repeating: VarianceDecomposition.Group(n: 0, sum: 0), count: 4)
        var sum = 0.0
        var sumOfSquares = 0.0
        for row in W1Sample.rows {
            let e = Double(W1Sample.items.reduce(Int64(0)) { $0 + (row[$1] ?? 0) }) / 12
            let manager = Int(row[19] ?? 0)
            groups[manager].n += 1
            groups[manager].sum += e
            sum += e
            sumOfSquares += e * e
        }
        let direct = VarianceDecomposition(
            groups: groups, n: Double(W1Sample.rows.count), sum: sum, sumOfSquares: sumOfSquares)
        #expect(w1(direct?.etaSquared) == "0.624581")
        // Through the aggregator (threshold 1: every manager counts).
        guard case .varianceShare(let figures) = W1Sample.results[6].detail else {
            Issue.record("not a variance share")
            return
        }
        #expect(w1(figures.etaSquared) == "0.624581")
    }
}
