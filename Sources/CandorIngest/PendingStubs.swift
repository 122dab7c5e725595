// TEMPORARY: stand-ins for the encoding/dialect/format pieces being written on branch `encoding`.
package enum TextEncoding: String, Sendable, CaseIterable { case utf8 = "utf-8", utf16LE = "utf-16le", utf16BE = "utf-16be", windows1252 = "windows-1252", latin1 = "latin-1" }
package struct EncodingSniff: Sendable { package var encoding: TextEncoding; package var bomLength: Int }
package enum EncodingSniffer {
    package static func sniff(prefix: UnsafeRawBufferPointer, declared: TextEncoding?) -> EncodingSniff {
        if prefix.count >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF { return EncodingSniff(encoding: .utf8, bomLength: 3) }
        return EncodingSniff(encoding: declared ?? .utf8, bomLength: 0)
    }
}
package struct StreamingTranscoder {
    package init(from: TextEncoding) {}
    package mutating func transcode(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8], isFinal: Bool) { output.append(contentsOf: input) }
}
package enum UTF8Validation {
    package static func firstInvalidByte(in bytes: UnsafeRawBufferPointer) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            if i + 8 <= n && bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var len = 0; var lo: UInt8 = 0x80; var hi: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: len = 3
            case 0xED: len = 3; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; hi = 0x8F
            default: return i
            }
            if i + len > n { return i }
            if bytes[i + 1] < lo || bytes[i + 1] > hi { return i }
            for k in 2..<len where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += len
        }
        return nil
    }
}
package struct DelimiterDetection: Sendable { package var delimiter: UInt8; package var skipPrefixBytes: Int; package var evidence: String }
package enum DelimiterDetector {
    package static func detect(sample: UnsafeRawBufferPointer) -> DelimiterDetection {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        for b in sample { if b == 0x0A { break }; if counts[b] != nil { counts[b]! += 1 } }
        let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }!
        return DelimiterDetection(delimiter: best.value == 0 ? 0x2C : best.key, skipPrefixBytes: 0, evidence: "")
    }
}
package enum ExportFormat: String, Sendable, CaseIterable { case generic, qualtrics, surveymonkey, googleForms = "google-forms", msForms = "ms-forms" }
package struct HeaderLayout: Sendable, Hashable {
    package var format: ExportFormat
    package var headerRows: Int
    package var columnNames: [String]
    package var columnIDs: [[String]]
    package var questionTexts: [String?]
    package var dropsTrailingEmptyColumn: Bool
    package var multiSelectSeparator: String?
}
package struct HeaderLayoutError: Error, Sendable { package var message: String }
package enum ExportFormatDetector {
    package static func detect(firstRecords: [[String]], declared: ExportFormat?) throws(HeaderLayoutError) -> HeaderLayout {
        let names = firstRecords.first ?? []
        return HeaderLayout(format: declared ?? .generic, headerRows: 1, columnNames: names, columnIDs: names.map { _ in [] }, questionTexts: names.map { _ in nil }, dropsTrailingEmptyColumn: false, multiSelectSeparator: nil)
    }
}
