/// How to read an input. `nil` means "detect it".
package struct ReadOptions: Sendable, Hashable {
    /// Character encoding; `nil`: a byte-order mark decides, else UTF-8.
    package var encoding: TextEncoding?
    /// Field delimiter byte (`,` `;` or tab); `nil`: detected from the header.
    package var delimiter: UInt8?
    /// Export format; `nil`: detected from the header rows.
    package var format: ExportFormat?
    /// Trim spaces and tabs around unquoted fields. The default is `true`: survey values never
    /// carry meaningful outer spaces, it is libcsv's own behaviour (the reference W1 figures
    /// are computed that way), and keeping them costs libcsv a call per character.
    package var trimSpaces: Bool
    /// Largest field accepted, in bytes; a longer field makes its record a `field_too_large`
    /// reject.
    package var maxFieldBytes: Int
    /// Bytes read from the file at a time.
    package var chunkSize: Int

    /// The defaults: detect encoding, delimiter and format; trim; 1 MiB fields; 1 MiB reads.
    package init(
        encoding: TextEncoding? = nil, delimiter: UInt8? = nil, format: ExportFormat? = nil,
        trimSpaces: Bool = true, maxFieldBytes: Int = 1 << 20, chunkSize: Int = 1 << 20
    ) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.format = format
        self.trimSpaces = trimSpaces
        self.maxFieldBytes = maxFieldBytes
        self.chunkSize = chunkSize
    }
}
