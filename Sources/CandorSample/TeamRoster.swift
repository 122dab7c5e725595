/// Assigns respondents to manager teams of realistic sizes (2–15) without a per-row table.
///
/// Teams are laid out over a shuffled order of rows (an affine permutation, so consecutive
/// submissions come from different teams), using a repeating cycle of 64 seeded team sizes; the
/// roster's memory is fixed however many rows there are.
struct TeamRoster: Sendable {
    /// Team sizes in one cycle.
    private let sizes: [Int]
    /// Shuffled positions at which each team of the cycle starts.
    private let starts: [Int]
    /// Respondents in one full cycle.
    private let cycleLength: Int
    /// Total rows, the permutation's modulus.
    private let rows: Int
    /// Permutation multiplier, coprime with `rows`.
    private let multiplier: Int
    /// Permutation offset.
    private let offset: Int

    /// Number of teams per repeating cycle.
    static let teamsPerCycle = 64

    /// Builds the roster for `rows` respondents from `seed`.
    init(seed: UInt64, rows: Int) {
        var random = SplitMix64(seed: seed, stream: SampleStream.roster, index: 0)
        // Two uniform parts make sizes 2...15 with most teams of 5–12 and about one in nine under 5.
        var sizes: [Int] = []
        var starts: [Int] = []
        var total = 0
        for _ in 0..<Self.teamsPerCycle {
            let size = 2 + random.below(8) + random.below(7)
            sizes.append(size)
            starts.append(total)
            total += size
        }
        self.sizes = sizes
        self.starts = starts
        cycleLength = total
        self.rows = rows
        var multiplier = rows > 1 ? 1 + random.below(rows - 1) : 1
        while rows > 1, Self.gcd(multiplier, rows) != 1 { multiplier = multiplier % (rows - 1) + 1 }
        self.multiplier = multiplier
        offset = rows > 1 ? random.below(rows) : 0
    }

    /// The team (0-based) of the respondent in `row`.
    func team(ofRow row: Int) -> Int {
        guard rows > 0 else { return 0 }
        let shuffled = (multiplier * row + offset) % rows
        let cycle = shuffled / cycleLength
        let within = shuffled % cycleLength
        var index = Self.teamsPerCycle - 1
        while starts[index] > within { index -= 1 }
        return cycle * Self.teamsPerCycle + index
    }

    /// The manager id shown for a team, e.g. `MGR-0042`.
    static func managerID(ofTeam team: Int) -> String {
        let digits = String(team + 1)
        return "MGR-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Greatest common divisor of two positive integers.
    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
