// TEMPORARY stand-ins until branch `timestamps` lands NumberParsing and TimestampParsing.
enum NumberParsing {
    static func integer(_ bytes: UnsafeRawBufferPointer) -> Int64? { Int64(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)) }
    static func decimal(_ bytes: UnsafeRawBufferPointer) -> Double? { Double(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)) }
}
enum TimestampMatch: Equatable { case value(Int64, formatIndex: Int), noMatch, ambiguous(formatIndexes: [Int]) }
enum TimestampParsing {
    static func parse(_ bytes: UnsafeRawBufferPointer, formats: [TimestampFormat]) -> TimestampMatch {
        for (i, f) in formats.enumerated() { if let v = f.parse(bytes) { return .value(v, formatIndex: i) } }
        return .noMatch
    }
}
import Foundation
