/// The serving tick's hall loop: every up replica of every hall stepped (or its twin's step reused),
/// with the hall tallies summed as it goes.
extension ReplicaStep {
    /// Steps every up replica once and writes the per-hall tallies; returns the reused and the total
    /// replica steps. A function of its own over raw columns, so the optimiser sees one plain loop.
    @inline(never)
    func stepHalls(_ c: ServingColumns, topology: Topology, reuseTwins: Bool) -> (reused: Int, stepped: Int) {
        let zero = SIMD4<Double>(repeating: 0)
        var reused = 0, stepped = 0
        for hall in 0..<topology.hallCount {
            let site = Int(topology.hallSite[hall])
            let a = c.siteArrivals + site * 4
            let siteA = SIMD4(a[0], a[1], a[2], a[3])
            var accArr = zero, accAdm = zero, accFirst = zero, accDone = zero, accDrop = zero
            var accW = zero, accPF = zero, accD = zero
            var decW = 0.0, decT = 0.0, decT2 = 0.0, tokens = 0.0, upCount = 0.0
            var last = Input.zero, haveLast = false
            var o = Outcome()
            for r in topology.hallReplicas[hall] {
                if c.decodeSpeed[r] <= 0 { continue }
                let off = r * 32
                let input = Input(
                    waiting: c.waiting.loadUnaligned(fromByteOffset: off, as: SIMD4<Double>.self),
                    prefilling: c.prefilling.loadUnaligned(fromByteOffset: off, as: SIMD4<Double>.self),
                    prefillTokens: c.prefillTokens.loadUnaligned(fromByteOffset: off, as: SIMD4<Double>.self),
                    decoding: c.decoding.loadUnaligned(fromByteOffset: off, as: SIMD4<Double>.self),
                    share: c.share[r], inversePrefillSpeed: c.inversePrefillSpeed[r], inverseDecodeSpeed: c.inverseDecodeSpeed[r],
                    decodeSpeed: c.decodeSpeed[r], kvCapacity: c.kvCapacity[r])
                if reuseTwins && haveLast && input.isTwin(of: last) {
                    reused += 1
                } else {
                    run(input, siteArrivals: siteA, into: &o)
                    last = input
                    haveLast = true
                }
                c.waiting.storeBytes(of: o.waiting, toByteOffset: off, as: SIMD4<Double>.self)
                c.prefilling.storeBytes(of: o.prefilling, toByteOffset: off, as: SIMD4<Double>.self)
                c.prefillTokens.storeBytes(of: o.prefillTokens, toByteOffset: off, as: SIMD4<Double>.self)
                c.decoding.storeBytes(of: o.decoding, toByteOffset: off, as: SIMD4<Double>.self)
                c.prefillBusy[r] += o.prefillBusy
                c.decodeBusy[r] += o.decodeBusy
                accArr += o.arrived; accAdm += o.admitted; accFirst += o.firstTokens
                accDone += o.completed; accDrop += o.dropped
                accW += o.waiting; accPF += o.prefilling; accD += o.decoding
                if o.batch > 0 {
                    tokens += o.tokens
                    decW += o.batch
                    decT += o.replicaStepSquares
                    decT2 += o.stepSquares
                }
                upCount += 1
            }
            stepped += Int(upCount)
            let h = c.hall, hb = hall * 4
            for k in 0..<4 {
                h.arrivals[hb + k] = accArr[k]; h.admitted[hb + k] = accAdm[k]
                h.firstTokens[hb + k] = accFirst[k]; h.completed[hb + k] = accDone[k]
                h.dropped[hb + k] = accDrop[k]; h.waiting[hb + k] = accW[k]
                h.prefilling[hb + k] = accPF[k]; h.decoding[hb + k] = accD[k]
            }
            h.decodeWeight[hall] = decW; h.replicaStepSquares[hall] = decT; h.stepSquares[hall] = decT2
            h.tokens[hall] = tokens; h.upReplicas[hall] = upCount
        }
        return (reused: reused, stepped: stepped)
    }
}
