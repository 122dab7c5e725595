import CLibFuzzer
import Foundation

/// Starts libFuzzer's driver. SwiftPM links every executable with its own entry point as
/// `main`, so libFuzzer's main() is not used; this one hands it the command line unchanged.
@main
enum FuzzDriver {
    static func main() {
        var arguments = CommandLine.argc
        var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&arguments, &argumentValues) { fuzzOneInput($0, $1) })
    }
}
