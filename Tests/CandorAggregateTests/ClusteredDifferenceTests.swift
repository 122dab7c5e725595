import Testing

@testable import CandorAggregate

/// The Likert index's group-against-rest test: each side's share of answers with its standard
/// error clustered by respondent, z = (p̂₁ − p̂₂)/√(SE₁² + SE₂²).
///
/// Group (y favourable of m answered): (2,3) (3,3) (1,2) (0,3); rest: (1,3) (0,2) (2,3) (3,3) (1,3).
/// python3 -c "import numpy as np; from scipy.stats import norm
/// g=np.array([(2,3),(3,3),(1,2),(0,3)],float); r=np.array([(1,3),(0,2),(2,3),(3,3),(1,3)],float)
/// def se(d):
///     y,m=d[:,0],d[:,1]; p=y.sum()/m.sum(); n=len(d); return p, np.sqrt(n/(n-1)*((y-p*m)**2).sum())/m.sum()
/// pg,sg=se(g); pr,sr=se(r); z=(pg-pr)/np.sqrt(sg**2+sr**2); print(pg,sg,pr,sr,z,2*norm.sf(abs(z)))"
/// 0.5454545454545454 0.22703468625935555 0.5 0.15971914124998499 0.16374839039107253 0.869929221631086
@Suite struct ClusteredDifferenceTests {
    static func sums(_ answers: [(y: Double, m: Double)]) -> ClusteredRatio {
        ClusteredRatio(
            respondents: answers.count, numerator: answers.map(\.y).reduce(0, +),
            denominator: answers.map(\.m).reduce(0, +), numeratorSquares: answers.map { $0.y * $0.y }.reduce(0, +),
            crossProducts: answers.map { $0.y * $0.m }.reduce(0, +),
            denominatorSquares: answers.map { $0.m * $0.m }.reduce(0, +))
    }

    static let group = sums([(2, 3), (3, 3), (1, 2), (0, 3)])
    static let rest = sums([(1, 3), (0, 2), (2, 3), (3, 3), (1, 3)])

    @Test func eachSideHasItsClusteredStandardError() {
        #expect(abs(Self.group.standardError! - 0.22703468625935555) < 1e-12)
        #expect(abs(Self.rest.standardError! - 0.15971914124998499) < 1e-12)
    }

    @Test func theDifferenceIsTestedWithBothStandardErrors() {
        #expect(abs(Self.group.differencePValue(from: Self.rest)! - 0.869929221631086) < 1e-9)
    }

    /// The rest is the overall less the group, sum by sum.
    @Test func theRestIsTheOverallLessTheGroup() {
        let overall = Self.sums([(2, 3), (3, 3), (1, 2), (0, 3), (1, 3), (0, 2), (2, 3), (3, 3), (1, 3)])
        #expect(overall.removing(Self.group) == Self.rest)
    }
}
