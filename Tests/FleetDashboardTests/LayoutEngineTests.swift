import Testing
@testable import FleetDashboard

@Suite("Layout engine")
struct LayoutEngineTests {
    static let sizes: [(Int, Int)] = [(250, 70), (160, 48), (124, 40), (100, 30), (80, 24), (60, 20), (40, 12), (30, 10)]
    let engine = LayoutEngine()

    /// Every cell of the body is covered by exactly one box, and nothing lies outside the screen.
    func checkTiling(_ layout: ScreenLayout, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var owner = [Int](repeating: 0, count: layout.width * layout.height)
        var rects = layout.placements.map(\.frame)
        if let h = layout.header { rects.append(h) }
        if let f = layout.footer { rects.append(f) }
        for r in rects {
            #expect(r.x >= 0 && r.y >= 0 && r.maxX <= layout.width && r.maxY <= layout.height, "\(label): \(r) outside",
                    sourceLocation: sourceLocation)
            #expect(!r.isEmpty, "\(label): empty box \(r)", sourceLocation: sourceLocation)
            for y in max(0, r.y)..<min(layout.height, r.maxY) {
                for x in max(0, r.x)..<min(layout.width, r.maxX) { owner[y * layout.width + x] += 1 }
            }
        }
        #expect(owner.allSatisfy { $0 == 1 }, "\(label): cells covered \(Set(owner)) times, want exactly once",
                sourceLocation: sourceLocation)
    }

    @Test("no overlaps, nothing off screen, body fully tiled", arguments: LayoutPreset.all.map(\.name))
    func tiling(presetName: String) {
        let preset = LayoutPreset.named(presetName)!
        for (w, h) in Self.sizes {
            for expanded in [nil] + PanelID.bodyPanels.map(Optional.some) {
                let layout = engine.layout(width: w, height: h, preset: preset, expanded: expanded)
                let label = "\(presetName) \(w)×\(h) expanded \(expanded?.rawValue ?? "-")"
                if w < 40 || h < 12 {
                    #expect(layout.tooSmall != nil, "\(label)")
                    #expect(layout.placements.isEmpty)
                } else {
                    #expect(layout.tooSmall == nil, "\(label)")
                    checkTiling(layout, label)
                }
            }
        }
    }

    @Test("boxes respect their minimum size whenever they are shown", arguments: LayoutPreset.all.map(\.name))
    func minimums(presetName: String) {
        let preset = LayoutPreset.named(presetName)!
        for (w, h) in Self.sizes where w >= 40 && h >= 12 {
            let layout = engine.layout(width: w, height: h, preset: preset)
            #expect(!layout.placements.isEmpty)
            for p in layout.placements {
                let spec = PanelSpec.standard[p.id]!
                let guestLines = p.guests.reduce(0) { $0 + PanelSpec.standard[$1]!.mergedLines }
                #expect(p.frame.width >= spec.minWidth, "\(presetName) \(w)×\(h) \(p.id)")
                #expect(p.frame.height >= spec.minHeight + guestLines, "\(presetName) \(w)×\(h) \(p.id)")
            }
            let all = Set(layout.visiblePanels + layout.dropped)
            #expect(all == Set(preset.body.panels), "every preset panel is shown, merged or dropped")
        }
    }

    @Test("the overview shows every panel in its own box from 100×30 up")
    func overviewLarge() {
        for (w, h) in [(250, 70), (160, 48), (124, 40), (100, 30)] {
            let layout = engine.layout(width: w, height: h, preset: .overview)
            #expect(layout.placements.map(\.id) == [.map, .power, .thermal, .latency, .agentic, .traffic, .events])
            #expect(layout.dropped.isEmpty)
            #expect(layout.placements.allSatisfy { $0.guests.isEmpty })
        }
    }

    @Test("at 160×48 the map and power boxes sit side by side under the header")
    func overviewGeometry() {
        let layout = engine.layout(width: 160, height: 48, preset: .overview)
        #expect(layout.header == Rect(x: 0, y: 0, width: 160, height: 1))
        #expect(layout.footer == Rect(x: 0, y: 47, width: 160, height: 1))
        let map = layout.placement(of: .map)!.frame, power = layout.placement(of: .power)!.frame
        #expect(map.x == 0 && map.y == 1 && power.y == 1)
        #expect(map.maxX == power.x && power.maxX == 160)
    }

    @Test("at 80×24 the overview keeps every panel, thermal folded into power")
    func overview80x24() {
        let layout = engine.layout(width: 80, height: 24, preset: .overview)
        #expect(layout.placements.map(\.id) == [.map, .power, .latency, .agentic, .traffic, .events])
        #expect(layout.placements[1].guests == [.thermal])
        #expect(layout.dropped.isEmpty)
    }

    @Test("shrinking merges a guest into its host before dropping it")
    func merges() {
        let overview = engine.layout(width: 60, height: 20, preset: .overview)
        #expect(overview.placement(of: .thermal)?.id == .power)
        #expect(overview.placements.first { $0.id == .power }?.title == "power + thermal")
        #expect(overview.placement(of: .map)?.id == .map)
        #expect(overview.dropped == [.traffic])
        let latency = engine.layout(width: 50, height: 16, preset: .latency)
        #expect(latency.placement(of: .agentic)?.id == .latency)
        #expect(latency.placements.first { $0.id == .latency }?.title == "latency + agentic")
    }

    @Test("a host about to drop sheds its guests first")
    func shedGuests() {
        let layout = engine.layout(width: 50, height: 16, preset: .overview)
        #expect(layout.placements.map(\.id) == [.map, .latency])
        #expect(layout.placements.allSatisfy { $0.guests.isEmpty })
    }

    @Test("at the floor the highest-priority panel survives")
    func floor() {
        let overview = engine.layout(width: 40, height: 12, preset: .overview)
        #expect(overview.placements.map(\.id) == [.map])
        #expect(overview.placements[0].frame == Rect(x: 0, y: 1, width: 40, height: 10))
        let latency = engine.layout(width: 40, height: 12, preset: .latency)
        #expect(latency.placements.first?.id == .latency)
    }

    @Test("an expanded panel fills the body, even one the preset does not hold")
    func expanded() {
        let layout = engine.layout(width: 100, height: 30, preset: .overview, expanded: .detail)
        #expect(layout.placements == [PanelPlacement(id: .detail, frame: Rect(x: 0, y: 1, width: 100, height: 28))])
    }

    @Test("too small below 40×12, with need and have")
    func tooSmall() {
        let layout = engine.layout(width: 30, height: 10, preset: .overview)
        #expect(layout.tooSmall == ScreenLayout.TooSmall(needWidth: 40, needHeight: 12, haveWidth: 30, haveHeight: 10))
        #expect(engine.layout(width: 39, height: 40, preset: .overview).tooSmall != nil)
        #expect(engine.layout(width: 200, height: 11, preset: .overview).tooSmall != nil)
    }

    @Test("when even the top panel cannot fit, too small names what it needs")
    func customSpecsTooSmall() {
        var specs = PanelSpec.standard
        specs[.map]?.minWidth = 70
        specs[.map]?.minHeight = 30
        let layout = LayoutEngine(specs: specs).layout(width: 60, height: 20, preset: .operations)
        #expect(layout.tooSmall == ScreenLayout.TooSmall(needWidth: 70, needHeight: 32, haveWidth: 60, haveHeight: 20))
        #expect(layout.placements.isEmpty)
    }

    @Test("layout is deterministic")
    func deterministic() {
        for preset in LayoutPreset.all {
            #expect(engine.layout(width: 124, height: 40, preset: preset) == engine.layout(width: 124, height: 40, preset: preset))
        }
    }

    @Test("merged sections stack inside the box without overlapping")
    func sections() {
        let p = PanelPlacement(id: .latency, frame: Rect(x: 2, y: 3, width: 40, height: 12), guests: [.agentic])
        let s = p.sections()
        #expect(s.map(\.id) == [.latency, .agentic])
        #expect(s[0].rect.y == 4 && s[0].rect.maxY == s[1].rect.y && s[1].rect.maxY == 14)
        #expect(s.allSatisfy { $0.rect.x == 3 && $0.rect.width == 38 })
        #expect(s[1].rect.height >= 2)
    }

    @Test("p cycles presets and wraps")
    func presetCycle() {
        #expect(LayoutPreset.next(after: "overview").name == "operations")
        #expect(LayoutPreset.next(after: "operations").name == "latency")
        #expect(LayoutPreset.next(after: "latency").name == "overview")
        #expect(LayoutPreset.next(after: "nonsense").name == "overview")
    }

    @Test("distribution adds up exactly and honours minimums")
    func distribution() {
        #expect(Distribution.split(total: 10, minimums: [3, 3], shares: [1, 1]) == [5, 5])
        #expect(Distribution.split(total: 11, minimums: [3, 3], shares: [1, 1]) == [6, 5])
        #expect(Distribution.split(total: 20, minimums: [10, 2], shares: [1, 9]) == [10, 10])
        #expect(Distribution.split(total: 5, minimums: [3, 3], shares: [1, 1]) == nil)
        for total in 12...60 {
            let s = Distribution.split(total: total, minimums: [3, 5, 4], shares: [9, 2, 7])!
            #expect(s.reduce(0, +) == total)
            #expect(zip(s, [3, 5, 4]).allSatisfy { $0 >= $1 })
        }
    }
}
