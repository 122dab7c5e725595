import Foundation
import ZIPFoundation

/// A zip archive built in memory, the container of an Office Open XML package.
///
/// The one place Candor touches ZIPFoundation: entries are deflated and stamped with a fixed
/// date (1980-01-01, the zip format's earliest), so the same parts always make the same bytes.
struct ZipPackage {
    /// The fixed modification time of every entry: 1980-01-01T00:00:00Z.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// The archive of `parts` (path inside the archive, bytes), in the given order.
    ///
    /// - Throws: `WorkbookError` when ZIPFoundation cannot write an entry.
    static func archive(_ parts: [(path: String, bytes: [UInt8])]) throws(WorkbookError) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let data = Data(part.bytes)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let bytes = archive.data else {
                throw WorkbookError(description: "the in-memory archive has no data")
            }
            return [UInt8](bytes)
        } catch let failure as WorkbookError {
            throw failure
        } catch {
            throw WorkbookError(description: "cannot build the workbook's zip archive: \(error)")
        }
    }
}
