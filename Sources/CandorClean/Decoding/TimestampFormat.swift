// TEMPORARY stand-in: the real TimestampFormat is being written on branch `timestamps`.
package struct TimestampFormat: Sendable, Hashable {
    package var pattern: String
    package init(pattern: String) throws(TimestampFormatError) { self.pattern = pattern }
    package static let iso8601 = try! TimestampFormat(pattern: "iso8601")
    package func parse(_ bytes: UnsafeRawBufferPointer) -> Int64? { nil }
}
package struct TimestampFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    package var description: String
}
