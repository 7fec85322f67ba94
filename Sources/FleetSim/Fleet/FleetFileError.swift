/// A fleet file problem, naming file, line and field, and the valid choices where there is a list.
public struct FleetFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// Dotted path of the field, e.g. `sites[1].halls[0].sku`.
    public var field: String
    public var message: String
    public var choices: [String]

    public init(file: String, line: Int, field: String, message: String, choices: [String] = []) {
        self.file = file; self.line = line; self.field = field; self.message = message; self.choices = choices
    }

    public var description: String {
        let location = line > 0 ? "\(file):\(line)" : file
        let valid = choices.isEmpty ? "" : " (valid: \(choices.joined(separator: ", ")))"
        return "\(location): \(field.isEmpty ? "" : "\(field): ")\(message)\(valid)"
    }
}
