/// A list of values written for a reader so that a value holding a comma stays one value:
/// `"Micromanager", "Credit taker, blame shifter"`, never `Micromanager, Credit taker, blame shifter`.
package enum QuotedList {
    /// Each value in double quotes (a quote inside one written `\"`), separated by ", ".
    package static func text(_ values: [String]) -> String {
        values.map(quoted).joined(separator: ", ")
    }

    /// One value in double quotes, a quote inside it written `\"`.
    package static func quoted(_ value: String) -> String {
        var text = "\""
        for character in value {
            if character == "\"" || character == "\\" { text.append("\\") }
            text.append(character)
        }
        return text + "\""
    }
}
