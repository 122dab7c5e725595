/// Why a pipeline run stopped, with the exit status a cron wrapper can act on.
package struct RunFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The documented exit status.
    package var status: ExitStatus
    /// One line naming what failed and where.
    package var message: String

    /// Creates a failure.
    package init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The message.
    package var description: String { message }
}
