extension RunCheck {
    /// The fixed pipeline the run target runs over fuzzed input: one field of every type, dedupe,
    /// a filter, a weight and a metric of every kind, with short column names a fuzzer finds
    /// quickly (`Fuzz/corpus/run/` holds inputs with its header). Groups of 3 pass the anonymity
    /// threshold so that small inputs reach the segment tables; a file may be any share rejected.
    static let definitionText = """
        version: 1
        name: fuzz
        inputs: [in.csv]
        output: {directory: out, max_reject_share: 1.0}
        privacy: {min_group_size: 3, max_interval_width: 1.0, free_text: true, text_min_group_size: 3}
        scales:
          agree5: {labels: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree], favourable: [4, 5], unfavourable: [1, 2]}
        fields:
          - {name: id, type: id, column: id}
          - {name: at, type: timestamp, column: at, formats: [iso8601]}
          - {name: dept, type: category, column: dept, values: [A, B, C], closed: true}
          - {name: mgr, type: category, column: mgr}
          - {name: lead, type: boolean, column: lead}
          - {name: q1, type: likert, column: q1, scale: agree5, required: true}
          - {name: q2, type: likert, column: q2, scale: agree5}
          - {name: q3, type: likert, column: q3, scale: agree5, reverse: true}
          - {name: score, type: integer, column: score, min: 0, max: 10}
          - {name: w, type: number, column: w}
          - {name: tags, type: multiselect, column: tags, separator: ";", options: [x, y, z], none_option: none}
          - {name: note, type: text, column: note}
        blocks:
          eng: [q1, q2, q3]
        dedupe: {by: id, keep: first}
        filters:
          - {name: test_rows, where: {not: {field: dept, equals: C}}}
        weight: w
        metrics:
          - {id: lead_share, kind: share, where: {field: lead, equals: true}, among: {field: lead, answered: true}}
          - {id: tag_share, kind: multiselect, field: tags}
          - {id: fav, kind: likert, block: eng}
          - {id: nps, kind: nps, field: score}
          - {id: engaged, kind: engagement_index, block: eng, engaged_at: 4.0, disengaged_below: 2.5}
          - {id: eta, kind: variance_share, score: {block: eng}, group: mgr}
          - {id: drivers, kind: drivers, outcome: {block: eng}, items: [q1, q2]}
        segments: [dept, lead]
        segment_pairs: [[dept, lead]]
        headlines:
          - {metric: fav, template: "{share} favourable"}
        """
}
