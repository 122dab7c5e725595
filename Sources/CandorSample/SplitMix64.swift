/// A small, seeded, platform-independent pseudo-random generator (SplitMix64).
///
/// Sample files must be byte-identical for the same seed on every machine, so the generator never
/// touches `SystemRandomNumberGenerator`, and every draw here uses only integer arithmetic or
/// correctly rounded IEEE operations (no `log`/`cos`, whose last bit differs between C libraries).
package struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's whole state; each draw advances it by the golden-ratio increment.
    private var state: UInt64

    /// Creates a generator that starts from `seed`.
    package init(seed: UInt64) {
        state = seed
    }

    /// Creates an independent stream for one item (a row, a team) of one purpose.
    ///
    /// Deriving a fresh stream per row lets the same respondent be rendered in any export format,
    /// and lets a duplicate row be regenerated without keeping earlier rows in memory.
    package init(seed: UInt64, stream: UInt64, index: UInt64) {
        state = Self.mix(seed ^ Self.mix(stream &* 0xD6E8_FEB8_6659_FD93 &+ Self.mix(index &+ 1)))
    }

    /// The SplitMix64 finaliser: a bijective avalanche mix of 64 bits.
    package static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Returns the next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) built from the top 53 bits, exact on every platform.
    package mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability`.
    package mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A uniform integer in `0..<upperBound` (upperBound > 0), by Lemire's multiply-shift with rejection.
    package mutating func below(_ upperBound: Int) -> Int {
        guard upperBound > 1 else { return 0 }
        let bound = UInt64(upperBound)
        let threshold = (0 &- bound) % bound
        while true {
            let product = next().multipliedFullWidth(by: bound)
            if product.low >= threshold { return Int(product.high) }
        }
    }

    /// An approximately standard normal draw: the Irwin–Hall sum of four uniforms, rescaled.
    ///
    /// Bounded at ±3.46, which suits survey answers; uses only additions and a constant, so the
    /// result is identical everywhere (Box–Muller would need `log` and `cos`).
    package mutating func normal() -> Double {
        let sum = unit() + unit() + unit() + unit()
        return (sum - 2.0) * 1.7320508075688772
    }

    /// Picks an index with probability proportional to `weights` (all non-negative, not all zero).
    package mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return weights.count - 1
    }
}
