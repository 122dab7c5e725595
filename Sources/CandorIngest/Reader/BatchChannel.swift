import Foundation

/// A bounded first-in first-out hand-over between one producing and one consuming thread.
///
/// The bound keeps memory flat: the parser waits when the consumer falls behind.
final class BatchChannel<Item>: @unchecked Sendable {
    // Safe: every access to `items` and `closed` happens with `condition` locked.
    private let condition = NSCondition()
    private var items: [Item] = []
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    private var closed = false

    /// Adds an item, waiting while the channel is full; `false` (the item not taken, for the
    /// sender to dispose of) once the consumer has closed the channel.
    @discardableResult
    func send(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !closed { condition.wait() }
        if closed { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Takes the oldest item, waiting while the channel is empty.
    func receive() -> Item {
        condition.lock()
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        condition.unlock()
        return item
    }

    /// Refuses every later `send` (waking a sender waiting for room) and returns the items
    /// never received, for the consumer to dispose of: a consumer that stops early must not
    /// leave the producer blocked for good, or what it made unowned.
    func close() -> [Item] {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        let left = items
        items.removeAll()
        condition.broadcast()
        return left
    }
}
