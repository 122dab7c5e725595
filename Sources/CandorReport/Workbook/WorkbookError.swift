/// Why a workbook could not be written: the zip library's error, described.
package struct WorkbookError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, for the run's error message.
    package let description: String
}
