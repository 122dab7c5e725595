import CandorFuzzing
import Foundation

/// The target this process fuzzes, from `CANDOR_FUZZ_TARGET` (`scripts/fuzz` sets it): one
/// binary serves every target, so the sanitized build links once.
let fuzzTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["CANDOR_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        fatalError("set CANDOR_FUZZ_TARGET to one of \(names)")
    }
    return target
}()

/// What libFuzzer calls with each input. A finding traps, which libFuzzer saves as a crash
/// artifact; typed errors and rejected records are ordinary outcomes.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do { try fuzzTarget.check(bytes) } catch { fatalError("\(error)") }
    return 0
}
