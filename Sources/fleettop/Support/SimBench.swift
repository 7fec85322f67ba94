import FleetSim
import Foundation

/// Times the simulation: serving, physics and facility steps, plus a snapshot every 0.25 s of wall
/// time as the live runner would build them (the snapshots' GPU roll-up timed on its own too); then,
/// when the fleet samples its halls, a quarter as long on a copy that simulates every replica.
enum SimBench {
    static func measure(engine: FleetEngine, fleetName: String, seconds: Double) -> BenchReport.Sim {
        let clock = ContinuousClock()
        engine.advance(seconds: 2)
        var snapshotTime = Duration.zero, rollupTime = Duration.zero, snapshots = 0
        let start = clock.now
        var simulated = 0.0
        var nextSnapshot = clock.now
        let cpuStart = ThreadCPUTime.processSeconds()
        let completedBefore = Self.completed(engine)
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
        let cpu = ThreadCPUTime.processSeconds() - cpuStart
        let completed = Self.completed(engine) - completedBefore
        let gpus = engine.topology.gpuCount
        return BenchReport.Sim(fleet: fleetName, gpus: gpus, simSeconds: simulated, wallSeconds: wall,
                               cpuSeconds: cpu, realtimeFactor: simulated / max(wall, 1e-9),
                               realtimeFactorCPU: simulated / max(cpu, 1e-9),
                               nsPerGPUSimSecond: wall * 1e9 / (Double(max(1, gpus)) * simulated),
                               snapshotShare: Self.seconds(snapshotTime) / max(wall, 1e-9),
                               rollupShare: Self.seconds(rollupTime) / max(wall, 1e-9),
                               snapshotMs: Self.seconds(snapshotTime) * 1e3 / Double(max(1, snapshots)),
                               rollupMs: Self.seconds(rollupTime) * 1e3 / Double(max(1, snapshots)),
                               replicas: engine.topology.replicaCount, simulatedReplicas: engine.simulatedReplicaSlots,
                               sampledReplicasPerHall: engine.spec.serving.sampledReplicasPerHall,
                               requestsPerSimSecond: completed / max(simulated, 1e-9),
                               requestsInFlight: engine.requestsHeld, realtimeFactorEveryReplica: nil)
    }

    /// Times `seconds` simulated seconds of `engine` (no snapshots): wall real-time factor.
    static func realtimeFactor(engine: FleetEngine, seconds: Double) -> Double {
        let clock = ContinuousClock()
        engine.advance(seconds: 2)
        let start = clock.now
        engine.advance(seconds: seconds)
        return seconds / max(Self.seconds(clock.now - start), 1e-9)
    }

    /// Requests completed since start (weighted), every class.
    static func completed(_ engine: FleetEngine) -> Double {
        engine.snapshot().classes.reduce(0) { $0 + $1.completed }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
