import CandorAggregate
import Testing

@testable import CandorClean
@testable import CandorReport

/// Pieces of the JSON report for the fixture document, written out by hand: keys in byte
/// order, fractions to 6 decimals, points to 2, trailing zeros dropped.
@Suite struct JSONReportTests {
    let json = JSONReport.render(ReportFixtures.document())

    @Test func startsAndEndsCleanly() {
        #expect(json.hasPrefix("{\n  \"accounting\": {\n"))
        // "schema_version" sorts before "segments" ("c" < "e"), which is last.
        #expect(json.contains("\n  \"schema_version\": \"1\",\n  \"segments\": [\n"))
        #expect(json.hasSuffix("\n  ]\n}\n"))
    }

    @Test func pipeline() {
        #expect(
            json.contains(
                """
                  "pipeline": {
                    "definition_sha256": "\(ReportFixtures.sha)",
                    "name": "bad-boss-2026",
                    "title": "Bad bosses, 2026"
                  },

                """))
    }

    @Test func shareMetric() {
        // Wilson (0.9891344085810173, 0.9977065008222751) to 6 decimals.
        #expect(
            json.contains(
                """
                    {
                      "base": null,
                      "ci": {
                        "high": 0.997707,
                        "low": 0.989134
                      },
                      "count": 1194,
                      "detail": {
                        "definition": "bad_boss_types is any of Micromanager, Absentee, Bully"
                      },
                      "id": "any_bad_boss",
                      "interval_method": "wilson",
                      "kind": "share",
                      "label": "Had one or more types of bad boss",
                      "n": 1200,
                      "suppressed": false,
                      "suppression_reason": null,
                      "unreliable": false,
                      "value": 0.995
                    },

                """))
    }

    @Test func npsScoreIsInPoints() {
        #expect(
            json.contains(
                """
                      "ci": {
                        "high": 16.8,
                        "low": 7.2
                      },
                      "count": null,
                """))
        #expect(
            json.contains(
                "      \"kind\": \"nps\",\n      \"label\": \"Employee Net Promoter Score\",\n      \"n\": 1200,\n"))
        #expect(json.contains("      \"unreliable\": false,\n      \"value\": 12\n"))
    }

    @Test func segmentRows() {
        // A suppressed row carries no n, value, count, ci, difference or p-value.
        #expect(
            json.contains(
                """
                        {
                          "labels": [
                            "Legal"
                          ],
                          "suppressed": true,
                          "suppression_reason": "below_threshold",
                          "unreliable": false
                        },
                        {
                          "labels": [
                            "Support"
                          ],
                          "suppressed": true,
                          "suppression_reason": "complementary",
                          "unreliable": false
                        }
                      ],

                """))
        // 6/8 with Wilson (0.40927543031016883, 0.9285207872478909); 0.75 − 0.995 = −0.245.
        #expect(
            json.contains(
                """
                        {
                          "ci": {
                            "high": 0.928521,
                            "low": 0.409275
                          },
                          "count": 6,
                          "difference": -0.245,
                          "interval_method": "wilson",
                          "labels": [
                            "Field ops"
                          ],
                          "n": 8,
                          "p_adjusted": 0.0004,
                          "p_value": 0.0004,
                          "significant": true,
                          "suppressed": false,
                          "suppression_reason": null,
                          "test_used": "approximate",
                          "unreliable": true,
                          "value": 0.75
                        },

                """))
        #expect(
            json.contains(
                "      \"metric_id\": \"any_bad_boss\",\n      \"name\": \"department\",\n"
                    + "      \"p_adjustment\": \"benjamini_hochberg\",\n"))
    }

    @Test func headlinesArePlainSentences() {
        #expect(
            json.contains(
                """
                    {
                      "metric_id": "any_bad_boss",
                      "outside_estimate": false,
                      "source": null,
                      "text": "99.5% of respondents have had one or more types of bad boss (1,194 of 1,200; 95% CI 98.9–99.8%)"
                    },
                """))
        #expect(
            json.contains(
                """
                    {
                      "metric_id": null,
                      "outside_estimate": true,
                      "source": "Gallup, State of the American Manager (2015)",
                      "text": "Outside estimate, not computed from this survey: Companies pick the wrong manager 82% of the time (Source: Gallup, State of the American Manager (2015))"
                    }
                """))
    }

    @Test func accounting() {
        #expect(
            json.contains(
                """
                  "accounting": {
                    "accepted": 1200,
                    "balances": true,
                    "data_quality": {
                      "blanks": {
                        "q01": 3
                      },
                """))
        #expect(
            json.contains(
                "    \"rejected\": 30,\n    \"rejected_by_reason\": {\n      \"duplicate_id\": 20,\n      \"invalid_value\": 10\n    }\n"
            ))
        #expect(
            json.contains(
                "      \"straight_lining\": {\n        \"engagement\": {\n          \"answered_all\": 1150,\n          \"flagged\": 12\n        }\n"
            ))
    }

    @Test func sameDocumentSameBytes() {
        // Dictionaries filled in opposite orders (and many keys, so the hash order differs)
        // must still give the same bytes.
        var first = ReportFixtures.document()
        var second = ReportFixtures.document()
        let names = (0..<40).map { "field\($0)" }
        for (offset, name) in names.enumerated() { first.accounting.blanks[name] = offset }
        for (offset, name) in names.enumerated().reversed() { second.accounting.blanks[name] = offset }
        #expect(JSONReport.render(first) == JSONReport.render(second))
        #expect(JSONReport.render(ReportFixtures.document()) == json)
        // Byte order: "field10" sorts before "field2".
        let text = JSONReport.render(first)
        let ten = text.range(of: "\"field10\"")?.lowerBound
        let two = text.range(of: "\"field2\"")?.lowerBound
        #expect(ten != nil && two != nil && ten! < two!)
    }

    @Test func stringsAreEscaped() {
        var document = ReportFixtures.document()
        document.pipeline.title = "quote \" backslash \\ newline \n tab \t nul \u{0} é"
        #expect(
            JSONReport.render(document).contains(#""title": "quote \" backslash \\ newline \n tab \t nul \u0000 é""#))
    }
}
