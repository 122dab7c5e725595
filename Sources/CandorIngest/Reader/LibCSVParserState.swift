internal import CLibCSV

/// Where a libcsv parser is in its input: `csv_parser.pstate`, whose values libcsv 3.0.3
/// defines only inside libcsv.c (`ROW_NOT_BEGUN` … `FIELD_MIGHT_HAVE_ENDED`), so they are
/// named here. `LibCSVBehaviourTests` pins what each means.
enum LibCSVParseState: Int32 {
    /// Between records: no field of a record begun (`ROW_NOT_BEGUN`). Blank lines and spaces
    /// here are skipped.
    case rowNotBegun = 0
    /// Inside a record, between fields: after a delimiter (`FIELD_NOT_BEGUN`).
    case fieldNotBegun = 1
    /// Inside a field (`FIELD_BEGUN`), quoted or not (`csv_parser.quoted`). A quoted field
    /// stays in this state across line breaks.
    case fieldBegun = 2
    /// Just after a quote inside a quoted field (`FIELD_MIGHT_HAVE_ENDED`): the next byte says
    /// whether the field ended or the quote was the first of an escaped pair. The quote is
    /// already in the pending bytes, and is taken back if the field ends.
    case fieldMightHaveEnded = 3
}

extension csv_parser {
    /// The parser's state (`pstate`).
    var parseState: LibCSVParseState {
        guard let state = LibCSVParseState(rawValue: pstate) else {
            preconditionFailure("libcsv parser state \(pstate) is none of libcsv 3.0.3's")
        }
        return state
    }

    /// Whether the field being read opened with a quote (`quoted`).
    var isInQuotedField: Bool { quoted != 0 }

    /// Bytes of the field being read that libcsv holds so far (`entry_pos`): for an unquoted
    /// field, with the spaces it may still trim (`trailingSpaces`); after a quote in a quoted
    /// field, with that quote.
    var pendingFieldBytes: Int { entry_pos }

    /// Spaces and tabs at the end of an unquoted field's pending bytes, which libcsv trims if
    /// the field ends there (`spaces`). Always 0 when a space function that keeps spaces is set.
    var trailingSpaces: Int { spaces }

    /// Cuts the field being read to its first `count` pending bytes, with no trailing spaces
    /// left to trim: libcsv appends the rest of the field after them.
    mutating func truncatePendingField(to count: Int) {
        entry_pos = count
        spaces = 0
    }
}
