import Foundation
import Testing
@testable import FleetSim

/// The request-level serving model (MODEL §4, §9): exact books, Little's law, outages that read as
/// outages, power that follows the work, and latencies that match a published simulator.
@Suite struct RequestLevelServingTests {
    static let validation = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Validation")

    static func checkBooks(_ e: FleetEngine, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for c in e.snapshot().classes {
            // Weights are whole requests when nothing is sampled: the books balance exactly.
            #expect(c.arrived == c.completed + c.dropped + c.waiting + c.inFlight,
                    "\(label) \(c.requestClass.name): \(c.arrived) ≠ \(c.completed)+\(c.dropped)+\(c.waiting)+\(c.inFlight)",
                            sourceLocation: sourceLocation)
        }
    }

    @Test func booksBalanceExactlyThroughFailuresAndRepairs() throws {
        let e = try SimTestSupport.engine(warm: 20)
        Self.checkBooks(e, "steady")
        e.apply(.fault(FaultSpec(kind: .rack, target: TargetSelector(site: "far"), magnitude: 1)))
        e.advance(seconds: 3)
        Self.checkBooks(e, "rack down")
        #expect(e.snapshot().classes.contains { $0.retried > 0 }, "a failed rack's requests retry")
        e.apply(.repair(nil))
        e.advance(seconds: 30)
        Self.checkBooks(e, "repaired")
    }

    @Test func littlesLawHoldsExactlyOverTheWholeRunAndWithinFivePercentPerWindow() throws {
        var spec = SimTestSupport.quietTiny()
        for c in RequestClass.allCases { spec[c].ratePerSecond *= 0.3 }
        let e = try FleetEngine(spec: spec, seed: 3)
        for minute in 1...4 {
            e.advance(seconds: 60)
            let terms = e.littlesLawTerms()
            for c in 0..<4 {
                let rhs = terms.departed[c] + terms.inside[c]
                #expect(abs(terms.area[c] - rhs) <= 1e-6 * max(1, terms.area[c]),
                        "class \(c) at \(minute) min: ∫N dt \(terms.area[c]) ≠ Σ time in system \(rhs)")
            }
            guard minute >= 2 else { continue }
            // A 60-s window estimates L and λW well when a request's stay is short beside it (edge effects
            // are of the order W / 60 s); longer stays are covered by the whole-run identity above.
            for st in e.snapshot().classes where st.departuresRPS > 1 && st.meanTimeInSystemSeconds < 6 {
                let predicted = st.departuresRPS * st.meanTimeInSystemSeconds
                #expect(abs(predicted - st.meanInSystem) <= 0.05 * st.meanInSystem,
                        "\(st.requestClass.name) at \(minute) min: L = \(st.meanInSystem), λW = \(predicted)")
            }
        }
    }

    @Test func sameSeedGivesIdenticalSnapshots() throws {
        let a = try SimTestSupport.engine(seed: 11, warm: 45)
        let b = try SimTestSupport.engine(seed: 11, warm: 45)
        #expect(SnapshotReport.json(a.snapshot()) == SnapshotReport.json(b.snapshot()))
    }

    @Test(arguments: [PrefillMode.chunked, .whole], [KVReservation.incremental, .full])
    func decodeBlocksChangeNothing(_ mode: PrefillMode, _ kv: KVReservation) throws {
        func run(_ blocks: Bool) throws -> String {
            var spec = SimTestSupport.quietTiny()
            spec.serving.prefillMode = mode
            spec.serving.kvReservation = kv
            spec.serving.decodeBlocks = blocks
            let e = try FleetEngine(spec: spec, seed: 21)
            e.advance(seconds: 20)
            e.apply(.fault(FaultSpec(kind: .rack, target: TargetSelector(site: "far", rack: 1))))
            e.advance(seconds: 10)
            return SnapshotReport.json(e.snapshot())
        }
        #expect(try run(true) == run(false))
    }

    @Test func kvPerClassKeptAtEveryEventEqualsAWalkOverTheRequests() throws {
        var spec = SimTestSupport.quietTiny()
        spec.serving.weightsGB = 560
        let e = try FleetEngine(spec: spec, seed: 2)
        e.advance(seconds: 30)
        var walk = SIMD4<Double>.zero
        for site in e.serving.sites {
            for k in 0..<site.slotCount {
                for id in site.prefilling[k] { walk[Int(site.pool.classIndex[Int(id)])] += Double(site.pool.kvHeld[Int(id)]) }
                for (j, id) in site.decoders[k].enumerated() {
                    walk[Int(site.pool.classIndex[Int(id)])] += site.decoderKV(Int(id), left: site.left[k][j])
                }
            }
        }
        for c in 0..<4 { #expect(abs(e.serving.kvByClass[c] - walk[c]) < 1e-6, "class \(c): kept \(e.serving.kvByClass[c]), walked \(walk[c])") }
    }

    @Test func everyGPUDownReadsAsAnOutage() throws {
        let e = try SimTestSupport.engine(warm: 30)
        for site in ["near", "far"] {
            e.apply(.fault(FaultSpec(kind: .rack, target: TargetSelector(site: site), magnitude: 1)))
        }
        e.advance(seconds: 90)
        let s = e.snapshot()
        #expect(s.totals.gpusUp == 0)
        #expect(s.totals.goodputRatio == 0, "goodput \(s.totals.goodputRatio) with every GPU down")
        for c in s.classes where c.slo.ttftSeconds != nil {
            #expect(c.goodputRatio == 0, "\(c.requestClass.name) goodput \(c.goodputRatio)")
            #expect(c.sloStatus.breaches == ["unserved"], "\(c.requestClass.name): \(c.sloStatus.breaches)")
        }
        #expect(s.status.outage == "whole fleet down")
        #expect(s.status.alerts.contains { $0.kind == .slo })
        #expect(s.events.contains { e in
            guard e.endSeconds == nil, case .sloBreach(_, let metric, _) = e.subject else { return false }
            return metric == "unserved"
        })
        #expect(s.totals.outputTokensPerSecond == 0)
        Self.checkBooks(e, "all down")
    }

    @Test func aPartitionedSiteFallsToIdlePowerAndItsQueueRetries() throws {
        let e = try SimTestSupport.engine(warm: 40)
        let busy = SimTestSupport.site(e.snapshot(), "near").itPowerKW
        e.apply(.fault(FaultSpec(kind: .network, target: TargetSelector(site: "near"), magnitude: 1)))
        e.advance(seconds: 5)
        let s = e.snapshot()
        let near = SimTestSupport.site(s, "near")
        // 32 GPUs at 75 W idle plus 4 servers' 2.8 kW idle overhead.
        let idleKW = 32 * 0.075 + 4 * 2.8
        #expect(near.itPowerKW <= idleKW * 1.05, "partitioned near draws \(near.itPowerKW) kW (idle \(idleKW), serving \(busy))")
        #expect(near.queueRequests == 0)
        #expect(s.classes.contains { $0.retried > 0 })
        Self.checkBooks(e, "partition")
    }

    @Test func incrementalKVPreemptsUnderPressureAndLosesNothing() throws {
        var spec = SimTestSupport.quietTiny()
        spec.serving.kvReservation = .incremental
        spec.serving.weightsGB = 570
        let e = try FleetEngine(spec: spec, seed: 5)
        e.advance(seconds: 40)
        #expect(e.serving.preemptions > 0, "a 6 GB KV cache per replica must preempt")
        Self.checkBooks(e, "preempting")
    }

    @Test(arguments: ["least-loaded", "round-robin", "jsq-tokens"])
    func everyRoutingPolicyServesAndBalances(_ policy: String) throws {
        var spec = SimTestSupport.quietTiny()
        spec.serving.routing = try #require(ReplicaRouting(rawValue: policy))
        let e = try FleetEngine(spec: spec, seed: 9)
        e.advance(seconds: 30)
        let s = e.snapshot()
        #expect(s.classes[0].completed > 100)
        Self.checkBooks(e, policy)
    }

    @Test func sampledHallsKeepTheBooksAndSplitOffAFailedReplica() throws {
        var spec = FleetSpec.tiny
        spec.failures.enabled = false
        spec.diurnal = false
        spec.serving.sampledReplicasPerHall = 2
        let e = try FleetEngine(spec: spec, seed: 4)
        #expect(e.simulatedReplicaSlots == 4, "two slots per hall, two halls")
        e.advance(seconds: 30)
        let before = e.snapshot()
        #expect(before.classes[0].completed > 100)
        e.apply(.fault(FaultSpec(kind: .gpu, target: TargetSelector(site: "far", mode: .count(1)))))
        e.advance(seconds: 10)
        #expect(e.simulatedReplicaSlots == 5, "the failed replica leaves its group")
        for c in e.snapshot().classes {
            let rhs = c.completed + c.dropped + c.waiting + c.inFlight
            #expect(abs(c.arrived - rhs) <= 1e-6 * max(1, c.arrived), "\(c.requestClass.name): \(c.arrived) ≠ \(rhs)")
        }
    }

    /// splitwise-sim on the Azure traces (conversation at a third of capacity, code at ×3): every request
    /// simulated the same way, so the whole-run percentiles agree within the limits.
    @Test(arguments: [("splitwise-conv", "conv-low"), ("splitwise-code", "code-rs3")])
    func matchesSplitwiseSim(_ folder: String, _ name: String) throws {
        let dir = Self.validation.appendingPathComponent(folder)
        let result = try ReferenceComparison.run(fleetFile: dir.appendingPathComponent("\(name).yaml").path,
                                                 referenceFile: dir.appendingPathComponent("reference-\(name).json").path)
        #expect(result.requests == result.referenceRequests)
        for row in result.rows { #expect(row.passed, "\(name) \(row.metric) \(row.percentile): \(row.ours) vs \(row.reference)") }
    }
}
