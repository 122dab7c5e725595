/// A small deterministic generator (SplitMix64), so the exhaustive suppression tests see the same
/// tables on every run and machine.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range` (modulo bias is irrelevant here).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}

/// An exact rational number, for Gaussian elimination without rounding.
struct Fraction: Equatable {
    var numerator: Int
    var denominator: Int

    init(_ numerator: Int, _ denominator: Int = 1) {
        let sign = denominator < 0 ? -1 : 1
        let divisor = Swift.max(Fraction.gcd(abs(numerator), abs(denominator)), 1)
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    var isZero: Bool { numerator == 0 }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    static func - (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    static func * (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    static func / (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator, a.denominator * b.numerator)
    }
}

/// Which unknowns a homogeneous linear system pins down: unknown k is determined exactly when its
/// unit vector lies in the row space of `equations`, i.e. when the reduced row echelon form has a
/// row that is that unit vector. Exact rational Gauss–Jordan elimination.
func determinedUnknowns(equations: [[Int]], unknownCount: Int) -> [Bool] {
    var matrix = equations.map { $0.map { Fraction($0) } }
    var pivotRow = 0
    var pivotColumns: [Int] = []
    for column in 0..<unknownCount where pivotRow < matrix.count {
        guard let found = (pivotRow..<matrix.count).first(where: { !matrix[$0][column].isZero }) else { continue }
        matrix.swapAt(pivotRow, found)
        let pivot = matrix[pivotRow][column]
        matrix[pivotRow] = matrix[pivotRow].map { $0 / pivot }
        for row in 0..<matrix.count where row != pivotRow && !matrix[row][column].isZero {
            let factor = matrix[row][column]
            for k in 0..<unknownCount {
                matrix[row][k] = matrix[row][k] - factor * matrix[pivotRow][k]
            }
        }
        pivotColumns.append(column)
        pivotRow += 1
    }
    var determined = Array(repeating: false, count: unknownCount)
    for (row, column) in pivotColumns.enumerated() where matrix[row].filter({ !$0.isZero }).count == 1 {
        determined[column] = true
    }
    return determined
}
