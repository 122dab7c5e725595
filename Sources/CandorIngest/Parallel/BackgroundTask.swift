import Foundation

/// A closure run on a thread of its own, its result collected with `wait()`.
package final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    // Safe: `value` is written by the thread before it signals `done`, and read only after
    // waiting for `done`.
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)
    private var joined = false

    package init(name: String, _ body: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            value = body()
            done.signal()
        }
        thread.name = name
        thread.start()
    }

    /// Waits for the closure and returns its result; call from one thread only.
    package func wait() -> Value {
        if !joined {
            done.wait()
            joined = true
        }
        return value!
    }
}
