extension JSONReport {
    /// `weighting`: the rake fields' margins and the fit, or the empty cells it fell back on
    /// (see the schema).
    static func weighting(_ section: WeightingSection) -> JSONValue {
        var members: [String: JSONValue] = [
            "method": .string("rake"),
            "roster": .string(section.roster),
            "applied": .bool(section.fit != nil),
            "tolerance": .number(WeightingText.number(section.tolerance)),
            "max_iterations": .integer(section.maxIterations),
            "empty_cells": .array(section.emptyCells.map(JSONValue.string)),
            "warnings": .array(section.warnings.map(JSONValue.string)),
            "margins": .array(
                section.margins.map { margin in
                    .object([
                        "field": .string(margin.field),
                        "levels": .array(
                            margin.levels.map { level in
                                .object([
                                    "label": .string(level.label),
                                    "invited": level.invited.map(JSONValue.integer) ?? .null,
                                    "suppressed": .bool(level.invited == nil),
                                ])
                            }),
                    ])
                }),
            "iterations": .null, "converged": .null, "weight_min": .null, "weight_max": .null,
            "design_effect": .null, "effective_n": .null, "effective_n_approximate": .bool(true),
        ]
        if let fit = section.fit {
            members["iterations"] = .integer(fit.iterations)
            members["converged"] = .bool(fit.converged)
            members["weight_min"] = .decimal(fit.minimumWeight, places: 6)
            members["weight_max"] = .decimal(fit.maximumWeight, places: 6)
            members["design_effect"] = .decimal(fit.designEffect, places: 6)
            members["effective_n"] = .decimal(fit.effectiveN, places: 2)
        }
        return .object(members)
    }
}
