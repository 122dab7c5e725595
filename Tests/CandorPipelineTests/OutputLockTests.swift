import Foundation
import Testing

@testable import CandorPipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run per output folder, within a process and across processes.
@Suite struct OutputLockTests {
    @Test func secondOpenConflictsEvenInOneProcess() throws {
        let folder = ScratchFolder()
        let first = OutputLock(directory: folder.path)
        let second = OutputLock(directory: folder.path + "/")
        #expect(first.path == folder.path + "/.candor.lock")
        #expect(second.path == first.path)

        try first.acquire(wait: false)
        #expect(first.isHeld)
        // flock belongs to the open file description: the second open conflicts with the first.
        #expect(throws: OutputError.locked(path: first.path)) { try second.acquire(wait: false) }
        #expect(!second.isHeld)

        first.release()
        try second.acquire(wait: false)
        #expect(second.isHeld)
        #expect(throws: OutputError.locked(path: first.path)) { try first.acquire(wait: false) }
    }

    @Test func droppingTheLockReleasesIt() throws {
        let folder = ScratchFolder()
        do {
            let holder = OutputLock(directory: folder.path)
            try holder.acquire(wait: false)
        }
        let next = OutputLock(directory: folder.path)
        try next.acquire(wait: false)
        #expect(next.isHeld)
    }

    @Test func lockFileIsCreatedReadableByAllAndKept() throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        let folder = ScratchFolder()
        let lock = OutputLock(directory: folder.path)
        try lock.acquire(wait: false)
        lock.release()
        #expect(folder.entries() == [".candor.lock"])
        #expect(permissionBits(lock.path) == 0o644)
    }

    @Test func messagesSayWhatToDo() {
        #expect(
            OutputError.locked(path: "/srv/reports/.candor.lock").description
                == "another candor run holds /srv/reports/.candor.lock; try again later")
        #expect(OutputError.locked(path: "/x").exitStatus == .locked)
        #expect(OutputError.locked(path: "/x").exitStatus.rawValue == 75)
    }

    @Test func missingFolderCannotBeLocked() {
        let folder = ScratchFolder()
        let lock = OutputLock(directory: folder.file("absent"))
        #expect(throws: OutputError.cannotLock(path: lock.path, reason: "No such file or directory")) {
            try lock.acquire(wait: false)
        }
        #expect(
            OutputError.cannotLock(path: lock.path, reason: "No such file or directory").description
                == "cannot lock \(folder.path)/absent/.candor.lock: No such file or directory")
    }

    @Test func lockHeldByAnotherProcessIsFreedWhenItDies() throws {
        let folder = ScratchFolder()
        let lock = OutputLock(directory: folder.path)
        let holder = try LockHoldingChild(lockPath: lock.path)
        #expect(throws: OutputError.locked(path: lock.path)) { try lock.acquire(wait: false) }

        holder.kill()  // SIGKILL: no chance to unlock; the kernel closes its descriptors
        try lock.acquire(wait: false)
        #expect(lock.isHeld)
    }

    @Test func waitingAcquireGetsTheLockOnceTheHolderLetsGo() async throws {
        let folder = ScratchFolder()
        let lock = OutputLock(directory: folder.path)
        let holder = try LockHoldingChild(lockPath: lock.path)
        let path = lock.path
        let directory = folder.path
        // acquire(wait: true) blocks its thread, so it runs on a thread of its own.
        let acquired: Result<Bool, OutputError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let waiting = OutputLock(directory: directory)
                let result = Result { () throws(OutputError) in
                    try waiting.acquire(wait: true)
                    return waiting.isHeld && waiting.path == path
                }
                continuation.resume(returning: result)
            }
            holder.letGo()
        }
        #expect(try acquired.get())
        holder.kill()
    }
}

/// A Python child process that takes the lock with flock(2) and holds it until its stdin closes
/// or it is killed. Python's `fcntl.flock` is the same system call, made by an unrelated program.
final class LockHoldingChild {
    private let process = Process()
    private let input = Pipe()

    /// Starts the child and returns once it reports holding the lock.
    init(lockPath: String) throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            """
            import fcntl, sys
            f = open(sys.argv[1], "a")
            fcntl.flock(f, fcntl.LOCK_EX)
            print("locked", flush=True)
            sys.stdin.read()
            """,
            lockPath,
        ]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var said = Data()
        while !said.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // the child exited without locking
            said.append(chunk)
        }
        guard String(decoding: said, as: UTF8.self) == "locked\n" else {
            throw ChildFailed(output: String(decoding: said, as: UTF8.self))
        }
    }

    /// Closes the child's stdin, so it exits normally and its lock goes with it.
    func letGo() {
        try? input.fileHandleForWriting.close()
    }

    /// Kills the child with SIGKILL and waits for it to be gone.
    func kill() {
        if process.isRunning {
            #if canImport(Glibc)
                _ = Glibc.kill(process.processIdentifier, SIGKILL)
            #else
                _ = Darwin.kill(process.processIdentifier, SIGKILL)
            #endif
        }
        process.waitUntilExit()
    }

    deinit {
        kill()
    }

    /// The child did not report holding the lock.
    struct ChildFailed: Error {
        /// What it printed instead.
        var output: String
    }
}
