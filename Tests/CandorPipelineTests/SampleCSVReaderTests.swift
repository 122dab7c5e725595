import Testing

/// A deliberately tiny RFC 4180 reader, independent of the generator and of libcsv, used to count
/// and inspect the records the sample generator writes.
enum SampleCSVReader {
    /// Splits CSV bytes into records of fields; nil when a quote is left open or a bare CR/LF
    /// appears in an unexpected place (so malformed output fails the tests that use it).
    static func records(_ bytes: [UInt8]) -> [[String]]? {
        var records: [[String]] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == 0x22 {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                        field.append(0x22)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == 0x22, field.isEmpty {
                inQuotes = true
            } else if byte == 0x2C {
                fields.append(String(decoding: field, as: UTF8.self))
                field = []
            } else if byte == 0x0D {
                guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else { return nil }
                fields.append(String(decoding: field, as: UTF8.self))
                records.append(fields)
                fields = []
                field = []
                index += 1
            } else if byte == 0x0A || byte == 0x22 {
                return nil  // bare LF outside quotes, or a quote inside an unquoted field
            } else {
                field.append(byte)
            }
            index += 1
        }
        guard !inQuotes, field.isEmpty, fields.isEmpty else { return nil }
        return records
    }
}

@Test(arguments: [
    ("", 0),
    ("a,b\r\n", 1),
    ("a,\"b,c\"\r\nd,e\r\n", 2),
    ("\"line\r\nbreak\",\"say \"\"hi\"\"\"\r\n\"x\ny\"\r\n", 2),
])
func readerCountsRecords(text: String, expected: Int) {
    #expect(SampleCSVReader.records(Array(text.utf8))?.count == expected)
}

@Test func readerUnquotesFields() {
    #expect(SampleCSVReader.records(Array("\"a,b\",\"c\"\"d\",\r\n".utf8)) == [["a,b", "c\"d", ""]])
}

@Test(arguments: ["a\nb\r\n", "\"open\r\n", "a,b", "a\"b\r\n"])
func readerRejectsMalformedText(text: String) {
    #expect(SampleCSVReader.records(Array(text.utf8)) == nil)
}
