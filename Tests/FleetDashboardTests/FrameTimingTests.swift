import Foundation
import Testing
import FleetSim
@testable import FleetDashboard

/// This thread's CPU time in seconds (immune to other processes sharing the cores).
private func cpuNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Frame cost at 200×60 on a hyperscale-shaped snapshot, printed, never asserted (timing is not a test).
/// Run with `FLEETTOP_TIMING=1 swift test -c release -Xswiftc -enable-testing --filter timingHyperscale`.
@Test(.enabled(if: ProcessInfo.processInfo.environment["FLEETTOP_TIMING"] != nil))
func timingHyperscale() throws {
    let s = SnapshotFixture.hyperscale()
    var t = s; t.tick += 1
    let app = DashboardApp(themes: [SnapshotFixture.theme])
    var canvas = Canvas(width: 200, height: 60)
    app.render(snapshot: s, into: &canvas)
    #expect(app.state.frame?.map?.level == .halls)
    let n = 2000
    func measure(_ body: (Int) -> Void) -> String {
        let w0 = ContinuousClock.now, c0 = cpuNow()
        for i in 0..<n { body(i) }
        let cpu = (cpuNow() - c0) / Double(n) * 1e6
        let wall = (ContinuousClock.now - w0) / n
        return "cpu \(Int(cpu)) µs (wall \(wall))"
    }
    let same = measure { _ in app.render(snapshot: s, into: &canvas) }
    let fresh = measure { i in app.render(snapshot: i % 2 == 0 ? t : s, into: &canvas) }
    let digest = measure { _ in _ = FleetDigest(s) }
    let d = SnapshotFixture.demo()
    app.render(snapshot: d, into: &canvas)
    let demo = measure { _ in app.render(snapshot: d, into: &canvas) }
    print("TIMING 200x60 hyperscale (\(s.racks.count) racks): same snapshot \(same); new snapshot each frame \(fresh); digest alone \(digest); demo fixture \(demo)")
}
