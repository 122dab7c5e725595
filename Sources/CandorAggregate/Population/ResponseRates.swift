/// Response rates: accepted respondents over the people invited, overall and per value of each
/// field a roster maps, with the anonymity rules applied.
///
/// A rate over a whole roster is a count, not an estimate from a sample, so it has no interval.
/// A group's rate is shown only where at least `minGroupSize` people were invited; where hiding a
/// small group alone would let its invited and responded counts be worked out from the overall
/// and the shown rows, further groups are hidden too, by the same complementary suppression as
/// the segment tables (`ComplementarySuppression.suppress`) on the invited counts. Roster rows
/// with a blank value are in the overall but in no group, and count as an unlisted group there.
package struct ResponseRates: Sendable, Equatable {
    /// One rate.
    package struct Rate: Sendable, Equatable {
        /// People invited (roster rows).
        package var invited: Int
        /// Accepted respondents, after dedupe.
        package var responded: Int
        /// Whether the rate is under the declared target.
        package var belowTarget: Bool
        /// responded ÷ invited (0 when nobody was invited).
        package var value: Double { invited == 0 ? 0 : Double(responded) / Double(invited) }
    }

    /// One group of one field.
    package struct Row: Sendable, Equatable {
        /// The field's name.
        package var field: String
        /// The group's labels (one per field crossed; one here).
        package var labels: [String]
        /// The rate, or `nil` when the group is suppressed.
        package var rate: Rate?
        /// Why the rate is hidden (`nil` when shown).
        package var suppressionReason: String?
    }

    /// One group as counted, before the anonymity rules.
    package struct Group: Sendable, Equatable {
        /// The group's label.
        package var label: String
        /// People invited in the group.
        package var invited: Int
        /// Accepted respondents in the group.
        package var responded: Int

        /// Creates a counted group.
        package init(label: String, invited: Int, responded: Int) {
            self.label = label
            self.invited = invited
            self.responded = responded
        }
    }

    /// One field's groups as counted.
    package struct FieldCounts: Sendable, Equatable {
        /// The field's name.
        package var field: String
        /// Its groups, in report order.
        package var groups: [Group]
        /// Roster rows with no value for the field (in the overall, in no group).
        package var invitedBlank: Int

        /// Creates one field's counts.
        package init(field: String, groups: [Group], invitedBlank: Int) {
            self.field = field
            self.groups = groups
            self.invitedBlank = invitedBlank
        }
    }

    /// The overall rate, or `nil` when fewer than `minGroupSize` people were invited.
    package var overall: Rate?
    /// Every group of every mapped field, shown or suppressed.
    package var rows: [Row]
    /// Rates under this share are flagged.
    package var target: Double

    /// The reason a group below the threshold carries.
    package static let smallGroupReason = "fewer invited than the anonymity threshold"
    /// The reason a complement carries.
    package static let complementReason = "complementary suppression"

    /// Applies the anonymity rules and the target to counted groups.
    ///
    /// - Throws: `ResponseRateError` when a group (or the whole roster) has more respondents than
    ///   people invited: the roster and the responses do not describe the same people.
    package init(
        invited: Int, responded: Int, fields: [FieldCounts], minGroupSize: Int, target: Double
    ) throws(ResponseRateError) {
        for counts in fields {
            for group in counts.groups where group.responded > group.invited {
                throw ResponseRateError(
                    field: counts.field, label: group.label, invited: group.invited, responded: group.responded)
            }
        }
        guard responded <= invited else {
            throw ResponseRateError(field: nil, label: nil, invited: invited, responded: responded)
        }
        func rate(_ invited: Int, _ responded: Int) -> Rate {
            let rate = Rate(invited: invited, responded: responded, belowTarget: false)
            return Rate(invited: invited, responded: responded, belowTarget: rate.value < target)
        }
        self.target = target
        overall = invited >= minGroupSize ? rate(invited, responded) : nil
        rows = fields.flatMap { counts in
            let hidden = ComplementarySuppression.suppress(
                counts: counts.groups.map(\.invited), unlisted: counts.invitedBlank, minGroupSize: minGroupSize)
            let withheld = ComplementarySuppression.mustWithholdTotal(
                counts: counts.groups.map(\.invited), unlisted: counts.invitedBlank, minGroupSize: minGroupSize)
            return counts.groups.enumerated().map { index, group in
                guard hidden.contains(index) || withheld else {
                    return Row(
                        field: counts.field, labels: [group.label], rate: rate(group.invited, group.responded),
                        suppressionReason: nil)
                }
                let small = ComplementarySuppression.isPrimary(group.invited, minGroupSize: minGroupSize)
                return Row(
                    field: counts.field, labels: [group.label], rate: nil,
                    suppressionReason: small ? Self.smallGroupReason : Self.complementReason)
            }
        }
    }
}

/// More respondents than people invited: the roster is not the survey's population.
package struct ResponseRateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field of the group, or `nil` for the whole roster.
    package var field: String?
    /// The group's label, or `nil` for the whole roster.
    package var label: String?
    /// People invited.
    package var invited: Int
    /// Accepted respondents.
    package var responded: Int

    /// The message, naming the group and what to check.
    package var description: String {
        let group = field.map { "\($0) '\(label ?? "")'" } ?? "the whole roster"
        return "\(group) has \(responded) respondents but only \(invited) invited in the roster; "
            + "check that the roster lists everyone invited and that its values match the responses'"
    }
}
