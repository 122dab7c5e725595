import ArgumentParser

/// A failure that ends the command with a documented exit status and a one-line message.
struct CandorFailure: Error, CustomStringConvertible {
    /// TEMPORARY until ExitStatus lands from branch `output`.
    enum Status: Int32 { case unreadableInput = 66, configuration = 78, output = 73, locked = 75, dataQuality = 65, internalError = 70 }
    var exitStatus: Status
    var message: String
    var description: String { message }
}
