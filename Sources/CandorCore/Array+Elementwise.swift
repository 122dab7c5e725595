extension Array where Element: AdditiveArithmetic {
    /// Adds `other` element by element, up to the shorter length (both have the same length by
    /// construction wherever states or tallies are merged).
    @inlinable
    package mutating func addElementwise(_ other: [Element]) {
        for index in indices where index < other.count { self[index] += other[index] }
    }
}
