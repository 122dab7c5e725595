import CandorSample
import Testing

@testable import CandorClean

/// The fold written out plainly: drop leading and trailing space, tab, CR and LF (and other
/// Unicode white space), then lower-case.
private func naiveFold(_ text: String) -> String {
    let isSpace: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace && $0 != "\u{0B}" && $0 != "\u{0C}" }
    var scalars = Array(text.unicodeScalars)
    while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
    while let last = scalars.last, isSpace(last) { scalars.removeLast() }
    var trimmed = String.UnicodeScalarView()
    trimmed.append(contentsOf: scalars)
    return String(trimmed).lowercased()
}

/// What the table says of `text` on the byte path.
private func lookup(_ table: CategoryTable, _ text: String) -> CategoryTable.ASCIILookup {
    Array(text.utf8).withUnsafeBytes { table.knownCode(ofASCII: $0) }
}

/// `value` as text, so results compare with `==`.
private func shown(_ value: DecodedValue) -> String {
    switch value {
    case .value(let code): "value \(code)"
    case .blank: "blank"
    case .nonAnswer: "non-answer"
    case .invalid(let why): "invalid: \(why)"
    }
}

@Test("random ASCII values: the byte path and code(of:) give the codes a dictionary of folded labels gives")
func randomASCIIValuesMatchDictionary() {
    // Letters either side of A–Z and a–z ('@', '[', '`', '{'), white space the fold trims,
    // and a vertical tab, which it keeps.
    let alphabet = Array("aAbBzZ@[`{ \t\r\n\u{0B}0".unicodeScalars)
    var random = SplitMix64(seed: 11)
    var table = CategoryTable(CategorySpec(values: ["Engineering", "Sales"], aliases: ["Eng": "Engineering"]))
    var codes: [String: Int] = ["engineering": 0, "sales": 1, "eng": 0]
    var labels = ["Engineering", "Sales"]
    for _ in 0..<20_000 {
        var view = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 1...6, using: &random) { view.append(alphabet.randomElement(using: &random)!) }
        let text = String(view)
        let folded = naiveFold(text)
        let known = codes[folded]
        let expected: CategoryTable.ASCIILookup = known.map { .code(Int64($0)) } ?? .absent
        #expect(lookup(table, text) == expected, "\(Array(text.utf8))")
        let decoded = table.code(of: text)
        if folded.isEmpty {
            #expect(shown(decoded) == "blank")
            continue
        }
        if known == nil {
            codes[folded] = labels.count
            var trimmed = text
            while let first = trimmed.unicodeScalars.first, " \t\r\n".unicodeScalars.contains(first) {
                trimmed.unicodeScalars.removeFirst()
            }
            while let last = trimmed.unicodeScalars.last, " \t\r\n".unicodeScalars.contains(last) {
                trimmed.unicodeScalars.removeLast()
            }
            labels.append(trimmed)
        }
        #expect(shown(decoded) == "value \(codes[folded]!)", "\(Array(text.utf8))")
    }
    #expect(table.labels == labels)
    #expect(table.count == labels.count)
}

@Test("non-ASCII and long values are left to code(of:), which folds them as text")
func nonASCIIValues() {
    var table = CategoryTable(CategorySpec(values: ["Équipe", "\u{212A}iln"]))  // Kelvin sign K
    #expect(lookup(table, "équipe") == .notASCII)
    #expect(lookup(table, "  \u{00A0}x") == .notASCII)  // no-break space: not ASCII white space
    #expect(lookup(table, String(repeating: "x", count: 65)) == .notASCII)
    #expect(lookup(table, "  " + String(repeating: "x", count: 64) + " ") == .absent)
    #expect(shown(table.code(of: "ÉQUIPE ")) == "value 0")
    // The Kelvin sign lower-cases to an ASCII k, so plain "KILN" is the same value.
    #expect(lookup(table, "KILN") == .code(1))
    #expect(shown(table.code(of: "Ça va")) == "value 2")
    #expect(shown(table.code(of: "ça va")) == "value 2")
    #expect(table.labels == ["Équipe", "\u{212A}iln", "Ça va"])
}

@Test("declared values that fold alike, and aliases, resolve as a dictionary of folded keys would")
func declaredDuplicatesAndAliases() {
    // "A" and "a " fold alike: the later one's code (1) stands for both; the alias points "x" at it.
    let table = CategoryTable(CategorySpec(values: ["A", "a ", "B"], aliases: ["x": "A", "Y": "b"]))
    #expect(lookup(table, "a") == .code(1))
    #expect(lookup(table, " X") == .code(1))
    #expect(lookup(table, "y") == .code(2))
    #expect(lookup(table, "b") == .code(2))
    #expect(lookup(table, "c") == .absent)
    #expect(table.labels == ["A", "a ", "B"])
}

@Test("a closed table names at most eight of its values when it refuses one")
func closedTableMessage() {
    var table = CategoryTable(CategorySpec(values: (1...9).map { "v\($0)" }, closed: true))
    #expect(
        shown(table.code(of: "w"))
            == "invalid: 'w' is not one of the declared values (v1, v2, v3, v4, v5, v6, v7, v8, …)")
    #expect(lookup(table, "w") == .absent)
    #expect(table.count == 9)
}
