import CLibCSV
import Testing

@testable import CandorIngest

/// A libcsv parser fed text piece by piece, collecting what it reports.
private final class Probe {
    /// What the callbacks saw: finished records and the fields of the record in progress.
    struct Events {
        var records: [[String]] = []
        var fields: [String] = []
    }

    let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
    private let events = UnsafeMutablePointer<Events>.allocate(capacity: 1)

    init(keepingSpaces: Bool = false) {
        events.initialize(to: Events())
        _ = csv_init(parser, 0)
        if keepingSpaces { csv_set_space_func(parser, keepSpaces) }
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
        events.deinitialize(count: 1)
        events.deallocate()
    }

    var records: [[String]] { events.pointee.records }
    var fields: [String] { events.pointee.fields }
    var state: csv_parser { parser.pointee }

    func feed(_ text: String) {
        let bytes = Array(text.utf8)
        _ = csv_parse(parser, bytes, bytes.count, Self.onField, Self.onRecord, events)
    }

    func finish() { _ = csv_fini(parser, Self.onField, Self.onRecord, events) }

    private static let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        bytes, length, context in
        let events = context!.assumingMemoryBound(to: Events.self)
        events.pointee.fields.append(
            String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self))
    }

    private static let onRecord: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        let events = context!.assumingMemoryBound(to: Events.self)
        events.pointee.records.append(events.pointee.fields)
        events.pointee.fields = []
    }
}

/// libcsv 3.0.3's behaviour that `LibCSVTokenizer` relies on: the parser state after partial
/// input, how quotes and spaces show in it, and that cutting a pending field works. Every
/// expectation is read off libcsv.c 3.0.3's `csv_parse` and `csv_fini` by hand (the state
/// machine is short; see ../shared/LIBCSV.md for where the source is).
@Suite struct LibCSVBehaviourTests {
    @Test func statesBetweenAndInsideFields() {
        #expect(libcsvVersion == "3.0.3")
        let probe = Probe()
        #expect(probe.state.parseState == .rowNotBegun)
        probe.feed("a,b")
        // The second field is open: one byte pending, unquoted; the first was reported.
        #expect(probe.state.parseState == .fieldBegun && !probe.state.isInQuotedField)
        #expect(probe.state.pendingFieldBytes == 1 && probe.fields == ["a"])
        probe.feed(",")
        #expect(probe.state.parseState == .fieldNotBegun && probe.state.pendingFieldBytes == 0)
        probe.feed("c\n")
        #expect(probe.state.parseState == .rowNotBegun && probe.records == [["a", "b", "c"]])
    }

    @Test func blankLinesAreNoRecords() {
        let probe = Probe()
        probe.feed("\n\r\n\r")
        #expect(probe.state.parseState == .rowNotBegun && probe.records.isEmpty)
        probe.feed("x\r\n")
        #expect(probe.records == [["x"]])
    }

    @Test func aQuotedFieldStaysOpenAcrossLineBreaks() {
        let probe = Probe()
        probe.feed("\"x,y\n")
        // Three bytes of data and the line break, all pending; the delimiter is data.
        #expect(probe.state.parseState == .fieldBegun && probe.state.isInQuotedField)
        #expect(probe.state.pendingFieldBytes == 4 && probe.fields.isEmpty)
        probe.feed("z\"")
        // The closing quote is held as a pending byte until the next byte decides.
        #expect(probe.state.parseState == .fieldMightHaveEnded && probe.state.pendingFieldBytes == 6)
        probe.feed("\"")
        // A doubled quote: one quote kept, and the field goes on.
        #expect(probe.state.parseState == .fieldBegun && probe.state.pendingFieldBytes == 6)
        probe.feed("\"\n")
        #expect(probe.state.parseState == .rowNotBegun && probe.records == [["x,y\nz\""]])
    }

    @Test func unquotedSpacesArePendingUntilTheFieldEnds() {
        let probe = Probe()
        probe.feed("  ab \t")
        // Leading spaces are skipped; trailing ones are held and counted, then trimmed.
        #expect(probe.state.pendingFieldBytes == 4 && probe.state.trailingSpaces == 2)
        probe.feed("c ")
        #expect(probe.state.pendingFieldBytes == 6 && probe.state.trailingSpaces == 1)
        probe.feed("\n")
        #expect(probe.records == [["ab \tc"]])
    }

    @Test func aSpaceFunctionThatKeepsNothingKeepsEverySpace() {
        let probe = Probe(keepingSpaces: true)
        probe.feed(" ab ")
        #expect(probe.state.pendingFieldBytes == 4 && probe.state.trailingSpaces == 0)
        probe.feed(", \"q\" \n")
        // A space before a quote starts an unquoted field, so that quote is data too.
        #expect(probe.records == [[" ab ", " \"q\" "]])
    }

    @Test func aStrayQuoteInAnUnquotedFieldIsData() {
        let probe = Probe()
        probe.feed("b\"c,d\n")
        #expect(probe.records == [["b\"c", "d"]])
    }

    @Test func cuttingThePendingFieldKeepsItsFirstBytes() {
        let probe = Probe()
        probe.feed("abcdef  ")
        #expect(probe.state.pendingFieldBytes == 8 && probe.state.trailingSpaces == 2)
        probe.parser.pointee.truncatePendingField(to: 3)
        probe.feed("x ,y\n")
        #expect(probe.records == [["abcx", "y"]])
    }

    @Test func finishingEndsAnOpenRecordEvenInsideAnUnclosedQuote() {
        let probe = Probe()
        probe.feed("a,\"b\nc")
        // What `LibCSVTokenizer.finish` tests for an unterminated quote.
        #expect(probe.state.parseState == .fieldBegun && probe.state.isInQuotedField)
        probe.finish()
        // Without CSV_STRICT_FINI the rest of the input becomes the field.
        #expect(probe.records == [["a", "b\nc"]])
        #expect(probe.state.parseState == .rowNotBegun && probe.state.pendingFieldBytes == 0)
        probe.feed("\"q\"")
        #expect(probe.state.parseState == .fieldMightHaveEnded)
        probe.finish()
        // A closed quoted field at the very end loses its closing quote, as after a delimiter.
        #expect(probe.records.last == ["q"])
    }

    /// The version of the libcsv headers compiled against.
    private var libcsvVersion: String { "\(CSV_MAJOR).\(CSV_MINOR).\(CSV_RELEASE)" }
}
