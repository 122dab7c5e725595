import CandorCore

/// A `Rejection` as bytes and back, for `RejectionSpill`: integers little-endian, strings as a
/// 32-bit length and their UTF-8 bytes, optional values behind a presence byte.
enum SpillEncoding {
    /// The bytes of `rejection`.
    static func encode(_ rejection: Rejection) -> [UInt8] {
        var writer = Writer()
        writer.provenance(rejection.provenance)
        writer.string(rejection.reason.rawValue)
        writer.optional(rejection.column) { $0.integer($1) }
        writer.optional(rejection.field) { $0.string($1) }
        writer.optional(rejection.detail) { $0.string($1) }
        writer.optional(rejection.duplicateOf) { $0.provenance($1) }
        if rejection.detail == nil { writer.string(rejection.message) }
        writer.integer(rejection.rawFields.count)
        for field in rejection.rawFields { writer.string(field) }
        return writer.bytes
    }

    /// The rejection `bytes` hold, or `nil` when they are not one.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> Rejection? {
        var reader = Reader(bytes: bytes)
        guard let provenance = reader.provenance(), let reasonText = reader.string(),
            let reason = ReasonCode(rawValue: reasonText), let column = reader.optional({ $0.integer() }),
            let field = reader.optional({ $0.string() }), let detail = reader.optional({ $0.string() }),
            let duplicateOf = reader.optional({ $0.provenance() })
        else { return nil }
        let message = detail == nil ? reader.string() : ""
        guard let message, let count = reader.integer(), count >= 0 else { return nil }
        var rawFields: [String] = []
        for _ in 0..<count {
            guard let field = reader.string() else { return nil }
            rawFields.append(field)
        }
        guard reader.isAtEnd else { return nil }
        if let detail {
            return Rejection(
                provenance: provenance, reason: reason, column: column, field: field, detail: detail,
                duplicateOf: duplicateOf, rawFields: rawFields)
        }
        return Rejection(
            provenance: provenance, reason: reason, column: column, field: field, message: message,
            rawFields: rawFields)
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func integer(_ value: Int) {
            withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func string(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                withUnsafeBytes(of: UInt32(utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
            bytes.append(value == nil ? 0 : 1)
            if let value { write(&self, value) }
        }

        mutating func provenance(_ provenance: Provenance) {
            string(provenance.file)
            integer(provenance.line)
            integer(provenance.recordNumber)
            integer(Int(provenance.byteOffset))
        }
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        var isAtEnd: Bool { position == bytes.count }

        mutating func integer() -> Int? {
            guard bytes.count - position >= 8 else { return nil }
            defer { position += 8 }
            return Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: Int64.self)))
        }

        mutating func string() -> String? {
            guard bytes.count - position >= 4 else { return nil }
            let count = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            guard bytes.count - position - 4 >= count else { return nil }
            defer { position += 4 + count }
            return String(
                decoding: UnsafeRawBufferPointer(rebasing: bytes[position + 4..<position + 4 + count]), as: UTF8.self)
        }

        /// `.some(nil)` for an absent value, `nil` when the bytes are malformed.
        mutating func optional<T>(_ read: (inout Reader) -> T?) -> T?? {
            guard position < bytes.count else { return nil }
            let present = bytes[position]
            position += 1
            guard present == 1 else { return present == 0 ? .some(nil) : nil }
            guard let value = read(&self) else { return nil }
            return .some(value)
        }

        mutating func provenance() -> Provenance? {
            guard let file = string(), let line = integer(), let record = integer(), let offset = integer() else {
                return nil
            }
            return Provenance(file: file, line: line, recordNumber: record, byteOffset: Int64(offset))
        }
    }
}
