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

    /// Adds an item, waiting while the channel is full.
    func send(_ item: Item) {
        condition.lock()
        while items.count >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
        condition.unlock()
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
}
