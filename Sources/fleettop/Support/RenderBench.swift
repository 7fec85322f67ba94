import FleetDashboard
import FleetSim

/// Times drawing every panel of the default layout into a Canvas (no terminal).
enum RenderBench {
    static func measure(snapshot: Snapshot, columns: Int, rows: Int, frames: Int) -> BenchReport.Render {
        let app = DashboardApp(themes: [Theme.default])
        var canvas = Canvas(width: columns, height: rows)
        app.render(snapshot: snapshot, into: &canvas)
        let clock = ContinuousClock()
        var samples: [Double] = []
        samples.reserveCapacity(frames)
        for _ in 0..<max(1, frames) {
            let t0 = clock.now
            app.render(snapshot: snapshot, into: &canvas)
            samples.append(SimBench.seconds(clock.now - t0) * 1e6)
        }
        samples.sort()
        func q(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count - 1) * p))] }
        return BenchReport.Render(cols: columns, rows: rows, usPerFrameP50: q(0.5), usPerFrameP99: q(0.99))
    }
}
