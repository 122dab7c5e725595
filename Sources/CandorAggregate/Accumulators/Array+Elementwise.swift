extension Array where Element == Double {
    /// Adds `other` element by element (both have the same fixed length by construction).
    mutating func addElementwise(_ other: [Double]) {
        for index in indices where index < other.count { self[index] += other[index] }
    }
}
