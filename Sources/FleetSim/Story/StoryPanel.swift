/// The dashboard panel a story chapter points at (DESIGN §4); the dashboard highlights it and
/// places the caption where it does not hide it.
public enum StoryPanel: String, Sendable, CaseIterable, Codable {
    case header, map, power, thermal, traffic, latency, agentic, events, detail
}
