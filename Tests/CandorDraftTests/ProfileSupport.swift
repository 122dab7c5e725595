@testable import CandorDraft

/// A column profile of `answers`, as one pass over an export would build it.
func profile(_ name: String, _ answers: [String], question: String? = nil) -> ColumnProfile {
    var profile = ColumnProfile(name: name, question: question)
    for answer in answers { Array(answer.utf8).withUnsafeBytes { profile.add($0) } }
    return profile
}

/// `values` repeated until there are `count` answers.
func cycle(_ values: [String], count: Int) -> [String] {
    (0..<count).map { values[$0 % values.count] }
}

/// The guessed kind of a column of `answers` named `name`.
func kind(_ name: String, _ answers: [String], question: String? = nil) -> FieldGuess.Kind {
    TypeInference.infer(profile(name, answers, question: question)).kind
}
