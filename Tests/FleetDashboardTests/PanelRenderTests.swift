import Testing
import FleetSim
@testable import FleetDashboard

/// Every panel drawn from the fixed demo snapshot at a generous and a cramped size, compared line by
/// line with the expected text (trailing blanks trimmed).
@Suite("Panel text")
struct PanelRenderTests {
    let s = SnapshotFixture.demo()

    func render(width: Int, height: Int, _ body: (inout Canvas, Rect, PanelContext) -> Void) -> [String] {
        var c = Canvas(width: width, height: height)
        body(&c, c.bounds, SnapshotFixture.context(s))
        return SnapshotFixture.lines(c)
    }

    @Test("map panel, generous 64×10")
    func mapGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in FleetMapPanel.draw(into: &c, s, rect: r, ctx: ctx, scope: .fleet, selection: .rack(5), metric: .temperature) }
        #expect(lines == [
            "╭─ fleet map · racks die °C max ───────────────────────────────╮",
            "│metro-edge    h1 ▃▄✗▅▆TW▃                     air 3 ms        │",
            "│              h2 ▄Q▅▆▇▃▄▅                     air             │",
            "│regional      h1 ▅▆▆▇▄▄▅▆                     liquid 20 ms    │",
            "│              h2 ▆▇▃▄▅▅▆▇                     liquid          │",
            "│remote-campus h1 ▇▄▄▅▆▆▇▃                     liquid 60 ms    │",
            "│              h2 N▅▅▆▇▃▄▄                     liquid          │",
            "│                                                              │",
            "│18 ▁▂▃▄▅▆▇█ 92  ✗ failed  T thermal  W power cap  N network   │",
            "╰──────────────────────────────────────────────────────────────╯",
        ])
    }

    @Test("map panel, cramped 34×6")
    func mapCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in FleetMapPanel.draw(into: &c, s, rect: r, ctx: ctx, scope: .fleet, selection: .rack(5), metric: .temperature) }
        #expect(lines == [
            "╭─ fleet map · halls die °C max ─╮",
            "│metro-edge    T▇                │",
            "│regional      ▇▇                │",
            "│remote-campus NN                │",
            "│18 ▁▂▃▄▅▆▇█ 92  ✗ failed        │",
            "╰────────────────────────────────╯",
        ])
    }

    @Test("power panel, generous 64×10")
    func powerGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in PowerPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        #expect(lines == [
            "╭─ power · facility MW vs grid limit ──────────────────────────╮",
            "│metro-edge    ████████████▊ 9.8/10.0   W PUE 1.52 310 W/GPU   │",
            "│regional      ███████▍····· 18.1/32.0    PUE 1.18             │",
            "│remote-campus ████▌········ 41/120       PUE 1.09             │",
            "│                                                              │",
            "│                                                              │",
            "│                                                              │",
            "│history ▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆  fleet 68.9 MW  $31k/h│",
            "│$0.41 per 1M output tokens · energy 3% of cost · PUE 1.25     │",
            "╰──────────────────────────────────────────────────────────────╯",
        ])
    }

    @Test("power panel, cramped 34×6")
    func powerCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in PowerPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        #expect(lines == [
            "╭─ power · facility MW vs grid… ─╮",
            "│metro-edge    █████▉ 9.8/10.0   │",
            "│regional      ███▍·· 18.1/32.0  │",
            "│remote-campus ██···· 41/120     │",
            "│history   fleet 68.9 MW  $31k/h │",
            "╰────────────────────────────────╯",
        ])
    }

    @Test("thermal panel, generous 64×10")
    func thermalGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in ThermalPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        #expect(lines == [
            "╭─ thermal · racks by °C ──────────────────────────────────────╮",
            "│inlet °C 18 █·███······· 45   die °C 30 ·▃▇██▇█▇▆█▅· 92       │",
            "│thermal-throttled 180 · power-capped 32 · shut down 8         │",
            "│hottest remote-campus/h1/r01 84.0 °C inlet 20.0 °C            │",
            "│        regional/h1/r04 83.0 °C inlet 29.0 °C                 │",
            "│        metro-edge/h1/r07 82.0 °C W inlet 26.0 °C             │",
            "│        remote-campus/h1/r07 81.0 °C inlet 26.0 °C            │",
            "│        regional/h2/r02 80.0 °C inlet 23.0 °C                 │",
            "│        metro-edge/h1/r06 79.0 °C T inlet 23.0 °C             │",
            "╰──────────────────────────────────────────────────────────────╯",
        ])
    }

    @Test("thermal panel shows what the sensors report, not the physics")
    func thermalShowsReportedReadings() {
        var faulty = s
        faulty.racks.dieCMaxReported[0] = 96
        faulty.racks.inletCReported[0] += 30
        var c = Canvas(width: 64, height: 10)
        ThermalPanel.draw(into: &c, faulty, rect: c.bounds, ctx: SnapshotFixture.context(faulty))
        let lines = SnapshotFixture.lines(c)
        #expect(lines[3] == "│hottest metro-edge/h1/r01 96.0 °C inlet 50.0 °C               │")
        #expect(lines[4] == "│        remote-campus/h1/r01 84.0 °C inlet 20.0 °C            │")
    }

    @Test("thermal panel, cramped 34×6")
    func thermalCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in ThermalPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        #expect(lines == [
            "╭─ thermal · racks by °C ────────╮",
            "│inlet °C 18 █·███······· 45     │",
            "│die °C 30 ·▃▇██▇█▇▆█▅· 92       │",
            "│T 180 W 32 down 8               │",
            "│hottest …                       │",
            "╰────────────────────────────────╯",
        ])
    }

    @Test("traffic panel, generous 64×10")
    func trafficGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in TrafficPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        #expect(lines == [
            "╭─ traffic · requests/s · KV = share of fleet cache ───────────╮",
            "│chat     12.4k ▅▅▅▅▅▅▅▅▅▅▅▅ queue  3.1k  KV  21%  good 97.2%  │",
            "│code      2.1k ▄▄▄▄▄▄▄▄▄▄▄▄ queue    40  KV   4%  good 91.0%  │",
            "│agentic  41.8k ▆▆▆▆▆▆▇▇▇▇▇▇ queue  9.7k  KV  43%  good 88.4%  │",
            "│batch     3.0k ▅▅▅▅▅▅▅▅▅▅▅▅ queue     0  KV  10%  shed 40.0%  │",
            "│goodput 93.4% · tokens out 1.2M/s · retries 312/s …           │",
            "│                                                              │",
            "│                                                              │",
            "│                                                              │",
            "╰──────────────────────────────────────────────────────────────╯",
        ])
    }

    @Test("traffic panel, cramped 34×6")
    func trafficCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in TrafficPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        #expect(lines == [
            "╭─ traffic · requests/s · KV… ───╮",
            "│chat     12.4k ▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅ │",
            "│code      2.1k ▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄ │",
            "│agentic  41.8k ▆▆▆▆▆▆▆▆▆▆▇▇▇▇▇▇ │",
            "│batch     3.0k ▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅ │",
            "╰────────────────────────────────╯",
        ])
    }

    @Test("latency panel, generous 64×10")
    func latencyGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in LatencyPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        #expect(lines == [
            "╭─ latency · p50 p95 p99 · last 60 s vs p99 SLO ───────────────╮",
            "│chat    TTFT 0.31 0.74 1.62 s  ✔ 2.00 s                       │",
            "│        TPOT   38   61  140 ms ✔ 200 ms …                     │",
            "│code    TTFT  120  300  510 ms ✘ 450 ms                       │",
            "│        TPOT   22   31   44 ms ✘ 40 ms  …                     │",
            "│agentic TTFT 0.40 1.10 1.90 s  ✔ 2.00 s                       │",
            "│        TPOT   30   50   90 ms ✔ 200 ms …                     │",
            "│batch   TTFT 2.00 5.00 9.00 s                                 │",
            "│        TPOT   50   80  120 ms          …                     │",
            "╰──────────────────────────────────────────────────────────────╯",
        ])
    }

    @Test("latency panel, cramped 34×6")
    func latencyCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in LatencyPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        #expect(lines == [
            "╭─ latency · p50 p95 p99… ───────╮",
            "│chat    TTFT 0.31 0.74 1.62 s  ✔│",
            "│code    TTFT  120  300  510 ms ✘│",
            "│agentic TTFT 0.40 1.10 1.90 s  ✔│",
            "│batch   TTFT 2.00 5.00 9.00 s   │",
            "╰────────────────────────────────╯",
        ])
    }

    @Test("agentic panel, generous 64×10")
    func agenticGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in AgenticPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        #expect(lines == [
            "╭─ agentic · whole tasks vs single calls ──────────────────────╮",
            "│18.2k tasks in flight · 23 calls per task                     │",
            "│task p50 14 s  p99 96 s  vs call p99 2.30 s                   │",
            "│P(a call beyond its p99) = 1−0.99²³ = 21%                     │",
            "│round trips 12% of task time · metro-edge 2.0% · regional 11% │",
            "│task p99 ▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇ 96 s · 2 probes│",
            "│                                                              │",
            "│                                                              │",
            "│                                                              │",
            "╰──────────────────────────────────────────────────────────────╯",
        ])
    }

    @Test("agentic panel, cramped 34×6")
    func agenticCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in AgenticPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        #expect(lines == [
            "╭─ agentic · whole tasks vs… ────╮",
            "│18.2k tasks · 23 calls/task     │",
            "│task p99 96 s vs call p99 2.30 s│",
            "│P(a call > p99) = 1−0.99²³ = 21%│",
            "│round trips 12% of task time    │",
            "╰────────────────────────────────╯",
        ])
    }

    @Test("events panel, generous 64×10")
    func eventsGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in EventsPanel.draw(into: &c, s, rect: r, ctx: ctx, filter: "", scroll: 0) }
        #expect(lines == [
            "╭─ events · newest first ──────────────────────────────────────╮",
            "│14:31:50 0:00     repair regional/h2/r03                      │",
            "│14:31:40 0:25     SLO breach code TTFT p99 0.51 s ×3          │",
            "│14:26:10 ongoing  throttling metro-edge/h1 212 GPUs           │",
            "│14:24:53 ongoing  cooling −60% metro-edge/h1 (operator)       │",
            "│                                                              │",
            "│                                                              │",
            "│                                                              │",
            "│                                                              │",
            "╰──────────────────────────────────────────────────────────────╯",
        ])
    }

    @Test("events panel, cramped 34×6")
    func eventsCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in EventsPanel.draw(into: &c, s, rect: r, ctx: ctx, filter: "", scroll: 0) }
        #expect(lines == [
            "╭─ events · newest first ────────╮",
            "│14:31:50 repair regional/h2/r03 │",
            "│14:31:40 SLO breach code TTFT…  │",
            "│14:26:10 * throttling…          │",
            "│14:24:53 * cooling −60%…        │",
            "╰────────────────────────────────╯",
        ])
    }

    @Test("detail panel, generous 64×10")
    func detailGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in DetailPanel.draw(into: &c, s, rect: r, ctx: ctx, selection: .rack(5)) }
        #expect(lines == [
            "╭─ detail · metro-edge/h1/r06 ─────────────────────────────────╮",
            "│rack metro-edge/h1/r06  reasons T                             │",
            "│GPUs up 32/32  thermal-throttled 12                           │",
            "│IT 25 kW  busy 50%  queue 10                                  │",
            "│inlet 23.0 °C  die max 79.0 °C                                │",
            "│hall die max °C ▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇ 89.5│",
            "│fault cooling metro-edge/h1 until 14:34:53                    │",
            "│                                                              │",
            "│                                                              │",
            "╰──────────────────────────────────────────────────────────────╯",
        ])
    }

    @Test("detail panel, cramped 34×6")
    func detailCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in DetailPanel.draw(into: &c, s, rect: r, ctx: ctx, selection: .rack(5)) }
        #expect(lines == [
            "╭─ detail · metro-edge/h1/r06 ───╮",
            "│rack metro-edge/h1/r06 …        │",
            "│GPUs up 32/32 …                 │",
            "│IT 25 kW  busy 50%  queue 10    │",
            "│inlet 23.0 °C  die max 79.0 °C  │",
            "╰────────────────────────────────╯",
        ])
    }

    @Test("traffic panel, wide 120×7: queue and KV histories appear")
    func trafficWide() {
        let lines = render(width: 120, height: 7) { c, r, ctx in TrafficPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        #expect(lines == [
            "╭─ traffic · requests/s · KV = share of fleet cache ───────────────────────────────────────────────────────────────────╮",
            "│chat     12.4k ▃▃▃▃▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅ queue  3.1k ▅▅▅▅▅▅▅▅  KV  21% ▄▄▄▄▄▄▄▄  good 97.2%  │",
            "│code      2.1k ▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄ queue    40 ▅▅▅▅▅▅▅▅  KV   4% ▄▄▄▄▄▄▄▄  good 91.0%  │",
            "│agentic  41.8k ▄▄▄▄▄▄▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▇▇▇▇▇▇ queue  9.7k ▆▇▇▇▇▇▇▇  KV  43% ▄▄▄▄▄▄▄▄  good 88.4%  │",
            "│batch     3.0k ▃▃▃▃▃▃▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅ queue     0 ▄▄▄▄▄▄▄▄  KV  10% ▄▄▄▄▄▄▄▄  shed 40.0%  │",
            "│goodput 93.4% · tokens out 1.2M/s · retries 312/s · dropped 1.2k                                                      │",
            "╰──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────╯",
        ])
    }

    @Test("power panel, wide 120×7: each site's history at the end of its row")
    func powerWide() {
        let lines = render(width: 120, height: 7) { c, r, ctx in PowerPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        #expect(lines == [
            "╭─ power · facility MW vs grid limit ──────────────────────────────────────────────────────────────────────────────────╮",
            "│metro-edge    ███████████████████████████████████████████████████· 9.8/10.0   W PUE 1.52 310 W/GPU    ▇▇▇█████████████│",
            "│regional      █████████████████████████████▍······················ 18.1/32.0    PUE 1.18              ▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇│",
            "│remote-campus █████████████████▊·································· 41/120       PUE 1.09              ▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆│",
            "│history                            ▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆  fleet 68.9 MW  $31k/h│",
            "│$0.41 per 1M output tokens · energy 3% of cost · PUE 1.25                                                             │",
            "╰──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────╯",
        ])
    }
}
