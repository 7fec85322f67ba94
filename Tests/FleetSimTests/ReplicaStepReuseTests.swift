import Testing
@testable import FleetSim

/// Reusing a neighbour's identical replica step must be exact: the same history as stepping every replica.
@Suite struct ReplicaStepReuseTests {
    @Test func reuseLeavesTheHistoryUnchangedUnderFaults() throws {
        var spec = SimTestSupport.quietTiny()
        spec.failures.enabled = true
        func run(reuse: Bool) throws -> (String, Int) {
            let e = try FleetEngine(spec: spec, seed: 11)
            e.serving.reusesIdenticalSteps = reuse
            e.advance(seconds: 20)
            e.apply(.fault(FaultSpec(kind: .straggler, target: TargetSelector(mode: .count(1)), magnitude: 3)))
            e.apply(.fault(FaultSpec(kind: .gpu, target: TargetSelector(mode: .count(2)))))
            e.advance(seconds: 40)
            return (SnapshotReport.json(e.snapshot()), e.serving.reusedSteps)
        }
        let (plain, plainReused) = try run(reuse: false)
        let (reusing, reusedCount) = try run(reuse: true)
        #expect(plainReused == 0)
        #expect(reusedCount > 0)
        #expect(plain == reusing)
    }

    @Test func signedZeroAndNaNAreNotTwins() {
        let z = SIMD4<Double>(repeating: 0)
        let a = ReplicaStep.Input(waiting: z, prefilling: z, prefillTokens: z, decoding: z,
                                  share: 0, inversePrefillSpeed: 1, inverseDecodeSpeed: 1, decodeSpeed: 1, kvCapacity: 1)
        var b = a
        #expect(a.isTwin(of: b))
        b.share = -0.0
        #expect(!a.isTwin(of: b))
        b = a
        b.waiting.x = .nan
        var c = a
        c.waiting.x = .nan
        #expect(b.isTwin(of: c), "the same NaN bits are the same input")
        b.decoding.w = 1e-300
        #expect(!a.isTwin(of: b))
    }
}
