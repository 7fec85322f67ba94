import Foundation

/// Messages for people, on standard error, so standard output stays clean for JSON and reports.
enum Stderr {
    static func print(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// A user error that ends the command with a message and a status (2: bad input or environment).
struct UserFailure: Error, CustomStringConvertible {
    var message: String
    var status: Int32 = 2
    var description: String { message }
}
