import Testing

@testable import CandorPipeline

/// The published exit codes: values from sysexits.h, and the help table.
@Suite struct ExitStatusTests {
    /// Values from /usr/include/sysexits.h (`grep -E 'EX_(OK|USAGE|DATAERR|NOINPUT|SOFTWARE|CANTCREAT|TEMPFAIL|CONFIG)\\b'`).
    @Test(arguments: [
        (CandorPipeline.ExitStatus.success, Int32(0), "EX_OK"), (.usage, 64, "EX_USAGE"),
        (.dataQuality, 65, "EX_DATAERR"),
        (.unreadableInput, 66, "EX_NOINPUT"), (.internalError, 70, "EX_SOFTWARE"),
        (.cannotWriteOutput, 73, "EX_CANTCREAT"), (.locked, 75, "EX_TEMPFAIL"), (.configuration, 78, "EX_CONFIG"),
        // A shell's 128 + signal number: SIGINT is 2, SIGTERM 15 (`kill -l INT TERM`).
        (.interrupted, 130, "128+SIGINT"), (.terminated, 143, "128+SIGTERM"),
    ])
    func codesFollowSysexits(status: CandorPipeline.ExitStatus, code: Int32, name: String) {
        #expect(status.rawValue == code)
        #expect(status.sysexitsName == name)
    }

    @Test func helpTextIsATableInCodeOrder() {
        #expect(
            CandorPipeline.ExitStatus.helpText == """
                  0  success: the reports were written
                 64  usage error: wrong command-line arguments
                 65  data-quality failure: rejects above max_reject_share, or none accepted
                 66  an input file is missing or unreadable
                 70  internal error (a bug in candor; please report it)
                 73  an output file cannot be created or written
                 75  another run holds the output folder's lock; try again later
                 78  configuration error in the pipeline definition
                130  interrupted (SIGINT); the previous reports were kept
                143  terminated (SIGTERM); the previous reports were kept
                """)
    }
}
