/// Whole-run Little's law (MODEL §9): the books the serving model keeps are exact, so ∫ requests in
/// system dt equals the time every request spent inside, departed or not.
extension FleetEngine {
    /// Per class, since the start: ∫ requests in system dt (sites and retry pool), Σ time in system of
    /// the requests that left, and Σ time so far of those still inside (all weighted).
    public func littlesLawTerms() -> (area: SIMD4<Double>, departed: SIMD4<Double>, inside: SIMD4<Double>) {
        let now = simTime
        var inside = SIMD4<Double>.zero
        for site in serving.sites {
            let pool = site.pool
            func add(_ id: Int32) {
                let i = Int(id)
                inside[Int(pool.classIndex[i])] += (now - pool.arrival[i]) * Double(pool.weight[i])
            }
            for k in 0..<site.slotCount {
                var id = site.waitHead[k]
                while id >= 0 { add(id); id = pool.next[Int(id)] }
                site.prefilling[k].forEach(add)
                site.decoders[k].forEach(add)
            }
        }
        for r in retries.pendingRequests { inside[Int(r.classIndex)] += (now - r.arrival) * Double(r.weight) }
        var books = serving.books
        books.advance(to: now)
        var pool = retries
        pool.advance(to: now)
        return (books.area + pool.area, recorder.runTimeInSystem, inside)
    }
}
