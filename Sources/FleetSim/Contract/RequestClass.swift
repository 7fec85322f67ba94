/// The four demand classes of MODEL.md §3, each with its own arrivals, sizes and SLOs.
public enum RequestClass: Int, CaseIterable, Sendable, Codable, Hashable {
    case chat, code, agentic, batch

    /// The lower-case name used in commands, files and JSON.
    public var name: String {
        switch self {
        case .chat: "chat"
        case .code: "code"
        case .agentic: "agentic"
        case .batch: "batch"
        }
    }

    /// Looks a class up by its command-language name.
    public init?(name: String) {
        guard let c = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = c
    }
}

/// A latency service-level objective on the p99 (MODEL.md §3); nil means none.
public struct ServiceLevel: Sendable, Equatable, Codable {
    public var ttftSeconds: Double?
    public var tpotSeconds: Double?
    public init(ttftSeconds: Double?, tpotSeconds: Double?) {
        self.ttftSeconds = ttftSeconds
        self.tpotSeconds = tpotSeconds
    }
}
