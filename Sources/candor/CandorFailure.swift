import CandorPipeline

/// A failure that ends the command with a documented exit status and a one-line message.
struct CandorFailure: Error, CustomStringConvertible {
    /// The exit status.
    var exitStatus: ExitStatus
    /// The message, printed after `candor: error: `.
    var message: String
    var description: String { message }
}
