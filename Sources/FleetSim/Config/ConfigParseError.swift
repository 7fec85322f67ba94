import Yams

extension ConfigNode {
    /// Why YAML text did not parse, with the line and column YAML reported (0 when unknown). Each
    /// reader words it for its own file: `message` is the settings files' wording.
    public struct ParseError: Error, Sendable, Equatable {
        public enum Reason: Sendable, Equatable {
            /// The scanner, parser or composer stopped: `problem`, with what it was reading.
            case syntax(context: String?, problem: String)
            /// Keys repeated in one mapping; `firstLine` is where the key first stands (the error's
            /// line is where it repeats, when that line was found).
            case duplicateKeys([String], firstLine: Int, repeatFound: Bool)
            /// The text could not be read as YAML characters.
            case reader(problem: String)
            /// The document expands to more than this many values.
            case tooLarge(Int)
            /// Anything else; `yamlDescription` says what.
            case other
        }

        public var line: Int
        public var column: Int
        public var reason: Reason
        /// The parser's own description of the failure.
        public var yamlDescription: String

        public init(line: Int, column: Int, reason: Reason, yamlDescription: String) {
            self.line = line; self.column = column; self.reason = reason; self.yamlDescription = yamlDescription
        }

        init(_ error: YamlError, text: String) {
            let description = "\(error)"
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                self.init(line: mark.line, column: mark.column, reason: .syntax(context: context?.text, problem: problem),
                          yamlDescription: description)
            case .duplicatedKeysInMapping(let duplicates, let context):
                let first = context.mark
                let again = duplicates.first.flatMap { DuplicateKeyLine.find(in: text, key: $0, line: first.line, column: first.column) }
                self.init(line: again ?? first.line, column: first.column,
                          reason: .duplicateKeys(duplicates, firstLine: first.line, repeatFound: again != nil), yamlDescription: description)
            case .reader(let problem, _, _, _):
                self.init(line: 0, column: 0, reason: .reader(problem: problem), yamlDescription: description)
            default:
                self.init(line: 0, column: 0, reason: .other, yamlDescription: description)
            }
        }

        /// "did not find expected key, while parsing a block mapping", "duplicate key theme (first given
        /// on line 2)".
        public var message: String {
            switch reason {
            case .syntax(let context, let problem): (context.map { "\($0), " } ?? "") + problem
            case .duplicateKeys(let keys, let firstLine, let found):
                "duplicate key \(keys.joined(separator: ", "))" + (found ? " (first given on line \(firstLine))" : "")
            case .reader(let problem): problem
            case .tooLarge(let limit): "the document expands to more than \(limit) values (nested aliases?)"
            case .other: yamlDescription
            }
        }
    }
}
