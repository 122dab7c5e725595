/// The typed survey schema a pipeline declares: fields, blocks of items, dedupe and filters.
package struct SurveySchema: Sendable, Hashable {
    /// Fields, in declaration order; a field's position is its index in cleaned responses.
    package var fields: [FieldSpec]
    /// Named blocks of Likert fields (indexes into `fields`), for indexes and straight-lining.
    package var blocks: [Block]
    /// The duplicate rule, if the schema has an id field.
    package var dedupe: DedupeRule?
    /// Filters, applied in order; the first that fails excludes the response with its name.
    package var filters: [Filter]
    /// The field holding each response's weight, if any (a `number` field).
    package var weightField: Int?
    /// Whether a record identical in every field to an earlier one is rejected
    /// (`dedupe: by: all_fields`, for exports without a respondent id).
    package var rejectsIdenticalRows = false

    /// Whether the cleaner fingerprints records to count those identical to an earlier one: when
    /// no id rule catches repeats (exports without an id), or under `all_fields`. A pipeline that
    /// dedupes by id does not pay for it: a record repeated whole repeats its id, and is rejected
    /// as a duplicate id already.
    package var countsIdenticalRows: Bool { dedupe == nil || rejectsIdenticalRows }

    /// A named block of Likert items.
    package struct Block: Sendable, Hashable {
        /// The block's name.
        package var name: String
        /// Indexes of its fields.
        package var fields: [Int]
        /// The block's theme (`label:`), which reports print instead of the name; `nil` when none.
        package var label: String?

        /// Creates a block.
        package init(name: String, fields: [Int], label: String? = nil) {
            self.label = label
            self.name = name
            self.fields = fields
        }
    }

    /// How duplicate respondent ids are resolved.
    package struct DedupeRule: Sendable, Hashable {
        /// The id field's index.
        package var field: Int
        /// Which response of an id is kept.
        package var keep: Keep

        /// Which response of a repeated id is kept.
        package enum Keep: Sendable, Hashable {
            /// The first in input order; later ones are rejected.
            case first
            /// The one with the latest value of a timestamp field (ties: the later record).
            case latest(orderBy: Int)
        }

        /// Creates a rule.
        package init(field: Int, keep: Keep) {
            self.field = field
            self.keep = keep
        }
    }

    /// A named filter: responses for which `predicate` is not true are excluded.
    package struct Filter: Sendable, Hashable {
        /// The name, used as the exclusion reason.
        package var name: String
        /// The condition a response must meet to stay.
        package var predicate: Predicate

        /// Creates a filter.
        package init(name: String, predicate: Predicate) {
            self.name = name
            self.predicate = predicate
        }
    }

    /// Creates a schema.
    package init(
        fields: [FieldSpec], blocks: [Block] = [], dedupe: DedupeRule? = nil, filters: [Filter] = [],
        weightField: Int? = nil
    ) {
        self.fields = fields
        self.blocks = blocks
        self.dedupe = dedupe
        self.filters = filters
        self.weightField = weightField
    }

    /// The index of the field named `name`.
    package func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }
}
