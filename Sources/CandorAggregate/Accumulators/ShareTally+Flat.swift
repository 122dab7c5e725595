/// Flat layouts of the tallies several accumulators share.
extension ShareTally: FlatState {
    /// `rawN, weight, weightSquares, base, successes`.
    var flatCount: Int { 5 }
    var presenceOffset: Int { 0 }

    func reading(_ values: [Double]) -> ShareTally {
        ShareTally(
            rawN: Int(values[0]), weight: values[1], weightSquares: values[2], base: values[3], successes: values[4])
    }
}

extension PromoterTally: FlatState {
    /// `rawN, weight, weightSquares, promoters, passives, detractors`.
    var flatCount: Int { 6 }
    var presenceOffset: Int { 0 }

    func reading(_ values: [Double]) -> PromoterTally {
        PromoterTally(
            rawN: Int(values[0]), weight: values[1], weightSquares: values[2], promoters: values[3],
            passives: values[4], detractors: values[5])
    }
}
