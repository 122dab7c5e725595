extension DefinitionLoader {
    /// `output.history`, `wave` and `change`, and each metric's definition hash.
    static func historySettings(
        output: DefinitionNode?, wave: DefinitionNode?, change: DefinitionNode?, folder: String,
        metrics: DefinitionNode?, fields: DefinitionNode?, blocks: DefinitionNode?, scales: DefinitionNode?
    ) throws(DefinitionError) -> HistorySettings {
        var settings = HistorySettings()
        if let output {
            let text = try output.string()
            if ["false", "no"].contains(text.lowercased()) {
                settings.location = .off
            } else if ["true", "yes"].contains(text.lowercased()) {
                settings.location = .outputFolder
            } else {
                guard !text.isEmpty else { throw output.error("output.history must be a path or false") }
                settings.location = .path(resolve(text, against: folder))
            }
        }
        if let wave { settings.wave = try waveLabel(try wave.string(), at: wave) }
        if let change {
            let keys = try change.keyed(allowed: ["minimum_difference", "trend_waves"])
            if let minimum = keys["minimum_difference"] {
                let value = try minimum.double()
                guard value >= 0, value.isFinite else {
                    throw minimum.error(
                        "change.minimum_difference must be 0 or more points, not '\(try minimum.string())'")
                }
                settings.minimumDifference = value
            }
            if let trend = keys["trend_waves"] {
                settings.trendWaves = try trend.int()
                guard settings.trendWaves >= 2 else { throw trend.error("change.trend_waves must be at least 2") }
            }
        }
        for entry in try metrics?.sequence() ?? [] {
            guard let id = entry.node["id"]?.scalar?.string else { continue }
            settings.metricHashes[id] = MetricDefinitionHash.hash(
                entry: entry.node, fields: fields?.node, blocks: blocks?.node, scales: scales?.node)
        }
        return settings
    }

    /// A wave label as given: 1 to 64 printable characters with no slash or control character.
    ///
    /// - Throws: the node's `DefinitionError` naming what is wrong.
    static func waveLabel(_ label: String, at node: DefinitionNode) throws(DefinitionError) -> String {
        if let problem = waveLabelProblem(label) { throw node.error(problem) }
        return label
    }

    /// What is wrong with `label` as a wave label, or `nil` when nothing is.
    package static func waveLabelProblem(_ label: String) -> String? {
        guard !label.isEmpty, label.count <= 64 else { return "a wave label must have 1 to 64 characters" }
        guard !label.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return "a wave label must not hold control characters"
        }
        return nil
    }
}
