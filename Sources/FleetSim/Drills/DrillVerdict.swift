/// How a drill ended.
public enum DrillVerdict: String, Sendable, Codable {
    /// Every steady-state check held at every evaluation.
    case passed
    /// A steady-state check failed.
    case failed
    /// A stop condition fired: the method was cut short and the rollback applied.
    case aborted

    /// The process exit status for this verdict (0 pass, 1 fail or abort).
    public var exitStatus: DrillExitStatus { self == .passed ? .passed : .failed }
}

/// Exit statuses of `fleettop drill`: 0 every check held, 1 a check failed (or a stop condition
/// fired), 2 a drill file could not be read or validated.
public enum DrillExitStatus: Int32, Sendable, Codable {
    case passed = 0
    case failed = 1
    case badFile = 2

    /// The worst of several drills' statuses (bad file beats failure beats pass).
    public static func combined(_ statuses: [DrillExitStatus]) -> DrillExitStatus {
        statuses.max { $0.rawValue < $1.rawValue } ?? .passed
    }
}
