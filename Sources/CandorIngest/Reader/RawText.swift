/// Turns raw field bytes into text a person can read in a rejects file or a terminal.
///
/// The encoding is exact and reversible: valid UTF-8 other than control bytes is kept as it is,
/// a backslash is written `\\`, and any other byte (invalid UTF-8, or a control byte other
/// than tab, CR and LF) is written `\xNN` with two upper-case hex digits. So a NUL byte reads
/// `\x00` and the four characters `\x00` in a field read `\\x00`: to get the bytes back,
/// replace each `\\` with a backslash and each `\xNN` with the byte NN, left to right.
enum RawText {
    /// `bytes` in the encoding above.
    static func display(_ bytes: UnsafeRawBufferPointer) -> String {
        if let text = String(validating: bytes, as: UTF8.self),
            !bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x5C })
        {
            return text
        }
        var out = ""
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if bytes[index] == 0x5C {
                out += "\\\\"
                index += 1
            } else if length > 0 && !(length == 1 && bytes[index] < 0x20 && ![0x09, 0x0A, 0x0D].contains(bytes[index]))
            {
                out += String(decoding: UnsafeRawBufferPointer(rebasing: bytes[index..<index + length]), as: UTF8.self)
                index += length
            } else {
                out += "\\x" + hexByte(bytes[index])
                index += 1
            }
        }
        return out
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// Length of the valid UTF-8 sequence starting at `index`, or 0 if none starts there.
    private static func validSequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[index..<index + length])
        return String(validating: slice, as: UTF8.self) == nil ? 0 : length
    }
}
