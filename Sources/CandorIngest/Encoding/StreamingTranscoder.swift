/// Turns UTF-16 or single-byte text into UTF-8, one chunk at a time.
///
/// Chunks may split a UTF-16 code unit or a surrogate pair anywhere; the transcoder carries the
/// pieces over to the next call. Call ``transcode(_:appendingTo:isFinal:)`` with
/// `isFinal: true` on the last chunk (it may be empty) to flush what is carried.
///
/// Invalid input is never replaced silently. A lone surrogate (each one) becomes the single
/// byte `0xFF` in the output, and an odd byte left at the end of UTF-16 input the byte `0xFE`.
/// Neither byte ever occurs in valid UTF-8, so ``UTF8Validation/firstInvalidByte(in:)`` finds
/// the record holding it, which is rejected with reason `invalid_utf16` (see
/// `RecordBatch.validateText(transcodedFromUTF16:)`), instead of the data quietly growing U+FFFD
/// characters.
///
/// Windows-1252 maps 0x80–0x9F through its table; the five bytes it leaves undefined (0x81,
/// 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls U+0081… as the WHATWG Encoding Standard
/// does, so every byte sequence decodes. Latin-1 maps every byte to the same code point.
///
/// UTF-8 input is copied through unchanged; check ``isPassthrough`` and skip the call instead.
package struct StreamingTranscoder: Sendable {
    /// The encoding of the input bytes.
    package let encoding: TextEncoding
    /// The first byte of a UTF-16 code unit whose second byte is in the next chunk.
    private var carriedByte: UInt8?
    /// A high surrogate waiting for its low surrogate, which may be in the next chunk.
    private var carriedHighSurrogate: UInt16?

    /// The byte written in place of a lone UTF-16 surrogate.
    package static let invalidMarker: UInt8 = 0xFF
    /// The byte written in place of an odd byte at the end of UTF-16 input.
    package static let oddByteMarker: UInt8 = 0xFE

    /// Creates a transcoder from `encoding` to UTF-8.
    package init(encoding: TextEncoding) {
        self.encoding = encoding
    }

    /// Whether the input is already UTF-8, so transcoding would only copy it.
    package var isPassthrough: Bool { encoding.isUTF8 }

    /// Appends the UTF-8 form of `input` to `output`.
    /// - Parameters:
    ///   - input: the next chunk of the file, after any byte order mark.
    ///   - output: the buffer to append to; existing contents are kept.
    ///   - isFinal: `true` for the last chunk: carried bytes are then flushed as markers
    ///     and the transcoder is ready for a new file.
    package mutating func transcode(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8], isFinal: Bool) {
        switch encoding {
        case .utf8:
            output.append(contentsOf: input)
        case .latin1, .windows1252:
            let windows1252 = encoding == .windows1252
            // Each byte becomes at most 3 UTF-8 bytes (the 0x80–0x9F table reaches U+2122).
            Self.appendBounded(to: &output, maximum: input.count * 3) { out in
                Self.transcodeSingleByte(input, into: out, windows1252: windows1252)
            }
        case .utf16LE, .utf16BE:
            let bigEndian = encoding == .utf16BE
            // Each code unit becomes at most 3 bytes; the carried state adds at most one unit
            // and one marker byte.
            Self.appendBounded(to: &output, maximum: (input.count / 2 + 2) * 3 + 1) { out in
                transcodeUTF16(input, into: out, bigEndian: bigEndian, isFinal: isFinal)
            }
        }
    }

    /// Grows `output` by `maximum` bytes, lets `fill` write a prefix of them and return how many
    /// it wrote, then trims the rest.
    ///
    /// Writing through one buffer pointer avoids an `append` (and its capacity check) per byte.
    private static func appendBounded(
        to output: inout [UInt8], maximum: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Int
    ) {
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: maximum))
        let written = output.withUnsafeMutableBufferPointer { whole in
            fill(UnsafeMutableBufferPointer(rebasing: whole[start...]))
        }
        output.removeLast(maximum - written)
    }

    /// Writes the UTF-8 form of single-byte text into `out`; returns the bytes written.
    private static func transcodeSingleByte(
        _ input: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>, windows1252: Bool
    ) -> Int {
        var written = 0
        for byte in input {
            var scalar = UInt32(byte)
            if windows1252, byte >= 0x80, byte <= 0x9F {
                scalar = UInt32(windows1252High[Int(byte &- 0x80)])
            }
            written = writeScalar(scalar, into: out, at: written)
        }
        return written
    }

    /// Writes the UTF-8 form of UTF-16 text into `out`, carrying split units and pairs over.
    private mutating func transcodeUTF16(
        _ input: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>, bigEndian: Bool, isFinal: Bool
    ) -> Int {
        var written = 0
        var index = 0
        if let first = carriedByte, input.count > 0 {
            carriedByte = nil
            let unit = bigEndian ? UInt16(first) << 8 | UInt16(input[0]) : UInt16(input[0]) << 8 | UInt16(first)
            written = take(unit, into: out, at: written)
            index = 1
        }
        while index + 1 < input.count {
            let a = UInt16(input[index])
            let b = UInt16(input[index + 1])
            written = take(bigEndian ? a << 8 | b : b << 8 | a, into: out, at: written)
            index += 2
        }
        if index < input.count {
            carriedByte = input[index]
        }
        if isFinal {
            if carriedHighSurrogate != nil {
                carriedHighSurrogate = nil
                out[written] = Self.invalidMarker
                written += 1
            }
            if carriedByte != nil {
                carriedByte = nil
                out[written] = Self.oddByteMarker
                written += 1
            }
        }
        return written
    }

    /// Consumes one UTF-16 code unit; returns the new write position.
    private mutating func take(_ unit: UInt16, into out: UnsafeMutableBufferPointer<UInt8>, at position: Int) -> Int {
        var written = position
        if let high = carriedHighSurrogate {
            carriedHighSurrogate = nil
            if unit & 0xFC00 == 0xDC00 {
                let scalar = 0x10000 + (UInt32(high & 0x3FF) << 10 | UInt32(unit & 0x3FF))
                return Self.writeScalar(scalar, into: out, at: written)
            }
            // The high surrogate had no partner; mark it and read `unit` on its own.
            out[written] = Self.invalidMarker
            written += 1
        }
        switch unit & 0xFC00 {
        case 0xD800:
            carriedHighSurrogate = unit
            return written
        case 0xDC00:
            out[written] = Self.invalidMarker
            return written + 1
        default:
            return Self.writeScalar(UInt32(unit), into: out, at: written)
        }
    }

    /// Writes the UTF-8 encoding of a valid scalar value; returns the new write position.
    private static func writeScalar(_ scalar: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at position: Int)
        -> Int
    {
        switch scalar {
        case 0..<0x80:
            out[position] = UInt8(truncatingIfNeeded: scalar)
            return position + 1
        case 0x80..<0x800:
            out[position] = UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6)
            out[position + 1] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
            return position + 2
        case 0x800..<0x10000:
            out[position] = UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12)
            out[position + 1] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F)
            out[position + 2] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
            return position + 3
        default:
            out[position] = UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18)
            out[position + 1] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F)
            out[position + 2] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F)
            out[position + 3] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
            return position + 4
        }
    }

    /// Windows-1252 bytes 0x80–0x9F as code points (WHATWG index-windows-1252; the five
    /// undefined bytes map to the C1 control of the same value).
    private static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
