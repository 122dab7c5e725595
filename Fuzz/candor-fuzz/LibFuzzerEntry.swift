import CandorFuzzing
import Foundation

/// The target this process fuzzes, from `CANDOR_FUZZ_TARGET` (`scripts/fuzz` sets it): one
/// binary serves every target, so the sanitized build links once.
private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["CANDOR_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        fatalError("set CANDOR_FUZZ_TARGET to one of \(names)")
    }
    return target
}()

/// libFuzzer's entry point: one input per call. A finding traps, which libFuzzer saves as a
/// crash artifact; typed errors and rejected records are ordinary outcomes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do { try target.check(bytes) } catch { fatalError("\(error)") }
    return 0
}
