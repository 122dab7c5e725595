import CandorCore

// The libcsv callbacks. They are `@convention(c)` functions that capture nothing and reach their
// state through libcsv's context pointer, a live `TokenizerState` owned by `LibCSVTokenizer`.

/// A space function that treats nothing as a space: libcsv then keeps spaces around fields.
func keepSpaces(_ byte: UInt8) -> Int32 { 0 }

func onField(_ bytes: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    // Safe: libcsv passes back the context pointer given to csv_parse, a live TokenizerState.
    let state = context.unsafelyUnwrapped.assumingMemoryBound(to: TokenizerState.self)
    state.pointee.fieldsInRecord += 1
    state.pointee.lastFieldWasEmpty = length == 0
    if length > state.pointee.maxFieldBytes || state.pointee.fieldOverflowed {
        appendOversizedField(bytes, length, state)
        return
    }
    state.pointee.storage.appendField(bytes, length)
}

/// `onField` for a field over the size limit: out of line, so that the call libcsv makes for
/// every field saves no registers and builds no message for this rare case.
@inline(never)
private func appendOversizedField(
    _ bytes: UnsafeMutableRawPointer?, _ length: Int, _ state: UnsafeMutablePointer<TokenizerState>
) {
    state.pointee.fieldOverflowed = false
    if state.pointee.problem == nil {
        state.pointee.problem = RecordProblem(
            reason: .fieldTooLarge, column: state.pointee.fieldsInRecord,
            detail: "field is longer than the limit of \(state.pointee.maxFieldBytes) bytes")
    }
    // Keep a prefix only, so a giant field cannot grow the batch.
    state.pointee.storage.appendField(bytes, min(length, state.pointee.keptPrefix))
}

func onRecord(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    // Safe: as in onField.
    let state = context.unsafelyUnwrapped.assumingMemoryBound(to: TokenizerState.self)
    let fields = state.pointee.fieldsInRecord
    let expected = state.pointee.expectedFields
    if expected > 0 && fields == expected + 1 && state.pointee.allowsTrailingEmptyField
        && state.pointee.lastFieldWasEmpty
    {
        // The layout dropped that empty last column from the header; drop it here too, so the
        // fields line up with the column names. (An empty field has no bytes to take back.)
        state.pointee.storage.fieldCount -= 1
    } else if expected > 0 && fields != expected && state.pointee.problem == nil {
        state.pointee.problem = RecordProblem(
            reason: .raggedRecord, column: min(fields, expected) + 1,
            detail: "expected \(expected) fields, found \(fields)")
    }
    state.pointee.storage.endRecord(
        line: state.pointee.recordLine, recordNumber: state.pointee.nextRecordNumber,
        byteOffset: state.pointee.recordOffset, problem: state.pointee.problem)
    state.pointee.nextRecordNumber += 1
    state.pointee.fieldsInRecord = 0
    state.pointee.problem = nil
    state.pointee.recordEmitted = true
}
