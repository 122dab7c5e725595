import Foundation

/// A pause in the middle of a history write, for the test that kills a run there.
///
/// With `CANDOR_TEST_PAUSE_HISTORY_WRITE=PATH` in the environment, a run half-way through
/// writing its figures creates the file PATH and sleeps for a minute, still inside the write
/// transaction; the end-to-end test then kills it with SIGKILL and checks that the history is
/// as the previous run left it. Without the variable (every real run) it does nothing.
enum WriteInterruptionHook {
    /// The environment variable that asks for the pause.
    static let variable = "CANDOR_TEST_PAUSE_HISTORY_WRITE"

    /// Pauses when the environment asks for it.
    static func pauseIfAsked() {
        guard let marker = ProcessInfo.processInfo.environment[variable], !marker.isEmpty else { return }
        FileManager.default.createFile(atPath: marker, contents: Data())
        Thread.sleep(forTimeInterval: 60)
    }
}
