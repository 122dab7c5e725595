/// Example commands laid out for `--help` so that swift-argument-parser's reflowing (at 80
/// columns when stdout is not a terminal) never breaks one in the middle: a command longer than
/// a line is split before an option with a shell continuation (` \`), so every example still
/// pastes as a command.
enum HelpExamples {
    /// The longest example line: swift-argument-parser wraps discussion text at 80 columns.
    static let width = 79

    /// An "Examples:" block for a command's discussion.
    static func block(_ commands: [String]) -> String {
        (["Examples:"] + commands.flatMap(lines(of:))).joined(separator: "\n")
    }

    /// `command` as indented lines, split before an `--option` (kept with its value) where it
    /// would pass `width`.
    static func lines(of command: String) -> [String] {
        // The words from one option to the next stay together.
        var groups: [String] = []
        for word in command.split(separator: " ") {
            if word.hasPrefix("-") || groups.isEmpty {
                groups.append(String(word))
            } else {
                groups[groups.count - 1] += " " + word
            }
        }
        var lines: [String] = []
        var current = "  " + groups[0]
        for (index, group) in groups.enumerated().dropFirst() {
            // 2 more columns for the " \" that would continue the line after a group not the last.
            let continuation = index == groups.count - 1 ? 0 : 2
            if current.count + 1 + group.count + continuation > width {
                lines.append(current + " \\")
                current = "      " + group
            } else {
                current += " " + group
            }
        }
        return lines + [current]
    }
}
