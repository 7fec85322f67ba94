/// A named arrangement of the body panels (`p` cycles them), with the merges it allows under
/// pressure: a guest panel folds its compact form into its host's box instead of dropping.
public struct LayoutPreset: Sendable, Hashable {
    /// The name `p` shows and `--preset`-style lookups use.
    public var name: String
    /// The arrangement of the body (between header and key bar).
    public var body: LayoutNode
    /// guest → host. A guest whose host is gone drops instead.
    public var merges: [PanelID: PanelID]

    public init(name: String, body: LayoutNode, merges: [PanelID: PanelID]) {
        self.name = name; self.body = body; self.merges = merges
    }

    /// DESIGN §4's sketch, three bands under the header: map beside power over thermal; latency
    /// beside agentic; traffic beside events. Thermal folds into power, agentic into latency.
    /// Band shares 8 : 5 : 7 follow what the demo fleet fills: the map's hall rows, a row pair per
    /// latency class, and the rest for traffic and the events list, which grows.
    public static let overview = LayoutPreset(
        name: "overview",
        body: .column([
            .row([.panel(.map, share: 1),
                  .column([.panel(.power, share: 6), .panel(.thermal, share: 5)], share: 1)], share: 8),
            .row([.panel(.latency, share: 1), .panel(.agentic, share: 1)], share: 5),
            .row([.panel(.traffic, share: 1), .panel(.events, share: 1)], share: 7),
        ], share: 1),
        merges: [.thermal: .power, .agentic: .latency])

    /// For operators at work: a large map with the selection's detail and the events beside it.
    public static let operations = LayoutPreset(
        name: "operations",
        body: .row([
            .panel(.map, share: 3),
            .column([.panel(.detail, share: 1), .panel(.events, share: 1)], share: 2),
        ], share: 1),
        merges: [:])

    /// The tail-latency story: latency and agentic side by side above a large traffic panel.
    public static let latency = LayoutPreset(
        name: "latency",
        body: .column([
            .row([.panel(.latency, share: 3), .panel(.agentic, share: 2)], share: 2),
            .panel(.traffic, share: 3),
            .panel(.events, share: 1),
        ], share: 1),
        merges: [.agentic: .latency, .events: .traffic])

    /// Every preset, in the order `p` walks them.
    public static let all: [LayoutPreset] = [.overview, .operations, .latency]

    /// The preset after `name` in `all`, wrapping around (the first when `name` is unknown).
    public static func next(after name: String) -> LayoutPreset {
        guard let i = all.firstIndex(where: { $0.name == name }) else { return all[0] }
        return all[(i + 1) % all.count]
    }

    /// The preset called `name`, if any.
    public static func named(_ name: String) -> LayoutPreset? { all.first { $0.name == name } }
}
