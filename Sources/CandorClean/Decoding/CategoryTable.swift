/// The values a category field has taken: the declared ones first, then (for an open set) new
/// ones in order of first appearance. A value's code is its index here.
package struct CategoryTable: Sendable {
    /// Labels by code.
    package private(set) var labels: [String]
    /// Case-folded, trimmed label or alias → code.
    private var codes: [String: Int]
    private let closed: Bool

    init(_ spec: CategorySpec) {
        labels = spec.values
        closed = spec.closed
        codes = [:]
        for (index, value) in spec.values.enumerated() { codes[Self.fold(value)] = index }
        for (alias, target) in spec.aliases {
            if let index = codes[Self.fold(target)] { codes[Self.fold(alias)] = index }
        }
    }

    /// How values are compared: trimmed, case-insensitive.
    static func fold(_ text: String) -> String {
        trimmed(text).lowercased()
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80
            ? (scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r") : scalar.properties.isWhitespace
    }

    /// `text` without leading and trailing white space. Pure Swift: Foundation's
    /// `trimmingCharacters(in:)` bridges through `NSString` and costs thousands of instructions
    /// per call, which an open category with 100,000 distinct managers pays once per value.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    /// The code of `text`, adding it to an open set.
    mutating func code(of text: String) -> DecodedValue {
        let folded = Self.fold(text)
        if folded.isEmpty { return .blank }
        if let code = codes[folded] { return .value(Int64(code)) }
        if closed {
            let shown = labels.prefix(8).joined(separator: ", ") + (labels.count > 8 ? ", …" : "")
            return .invalid("'\(text)' is not one of the declared values (\(shown))")
        }
        labels.append(Self.trimmed(text))
        codes[folded] = labels.count - 1
        return .value(Int64(labels.count - 1))
    }
}

extension CategoryTable {
    /// For each of `later`'s codes, the code its value has here, or would have once `append`
    /// adds the values this table lacks (numbered after this table's, in `later`'s order): a
    /// table that saw records before `later`'s then holds what one table seeing all of them in
    /// order holds. Changes nothing, so it can be worked out before the merge is decided.
    func codes(of later: CategoryTable) -> [Int] {
        var next = labels.count
        return later.labels.map { label in
            if let code = codes[Self.fold(label)] { return code }
            // Only a value of a closed set can be missing here, and both tables share that set.
            guard !closed else { return -1 }
            defer { next += 1 }
            return next
        }
    }

    /// Adds the values of `later` that `codes(of: later)` numbered past this table's end.
    mutating func append(_ later: CategoryTable, codes planned: [Int]) {
        for (label, code) in zip(later.labels, planned) where code >= labels.count {
            labels.append(label)
            codes[Self.fold(label)] = code
        }
    }
}
