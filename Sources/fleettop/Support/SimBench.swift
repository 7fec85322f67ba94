import FleetSim
import Foundation

/// Times the simulation: serving, physics and facility steps, plus a snapshot every 0.25 s of wall
/// time as the live runner would build them (the snapshots' GPU roll-up timed on its own too); then a
/// quarter as long with every replica stepped (no reuse of identical neighbours), the worst case.
enum SimBench {
    static func measure(engine: FleetEngine, fleetName: String, seconds: Double) -> BenchReport.Sim {
        let clock = ContinuousClock()
        engine.advance(seconds: 2)
        var snapshotTime = Duration.zero, rollupTime = Duration.zero, snapshots = 0
        let start = clock.now
        var simulated = 0.0
        var nextSnapshot = clock.now
        let cpuStart = ThreadCPUTime.seconds()
        while simulated < seconds {
            engine.advance(seconds: 1)
            simulated += 1
            if clock.now >= nextSnapshot {
                let t0 = clock.now
                _ = engine.snapshot(rollupTime: &rollupTime)
                snapshotTime += clock.now - t0
                snapshots += 1
                nextSnapshot = clock.now + .milliseconds(250)
            }
        }
        let wall = Self.seconds(clock.now - start)
        let cpu = ThreadCPUTime.seconds() - cpuStart
        let reused = engine.reusedReplicaStepShare
        // The worst case: every replica stepped, as in a fleet whose replicas all differ.
        let everySeconds = max(1, (seconds / 4).rounded())
        engine.reusesIdenticalReplicaSteps = false
        let everyStart = ThreadCPUTime.seconds()
        engine.advance(seconds: everySeconds)
        let everyCPU = ThreadCPUTime.seconds() - everyStart
        engine.reusesIdenticalReplicaSteps = true
        let gpus = engine.topology.gpuCount
        return BenchReport.Sim(fleet: fleetName, gpus: gpus, simSeconds: simulated, wallSeconds: wall,
                               cpuSeconds: cpu, realtimeFactor: simulated / max(wall, 1e-9),
                               realtimeFactorCPU: simulated / max(cpu, 1e-9),
                               nsPerGPUSimSecond: wall * 1e9 / (Double(max(1, gpus)) * simulated),
                               snapshotShare: Self.seconds(snapshotTime) / max(wall, 1e-9),
                               rollupShare: Self.seconds(rollupTime) / max(wall, 1e-9),
                               snapshotMs: Self.seconds(snapshotTime) * 1e3 / Double(max(1, snapshots)),
                               rollupMs: Self.seconds(rollupTime) * 1e3 / Double(max(1, snapshots)),
                               reusedStepShare: reused,
                               realtimeFactorCPUEveryReplica: everySeconds / max(everyCPU, 1e-9))
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
