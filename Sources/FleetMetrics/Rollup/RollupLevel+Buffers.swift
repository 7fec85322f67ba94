extension RollupLevel {
    /// A level's figures as the kernels write them: up GPUs per entity, and per column and entity the
    /// sums, maxima and counts above (column-major; `column(_:)` narrows them to one column). Valid
    /// only inside `withUnsafeBuffers`.
    struct Buffers {
        let count: Int
        let gpusUp: UnsafeMutableBufferPointer<Int32>
        let sums: UnsafeMutableBufferPointer<Double>
        let maxima: UnsafeMutableBufferPointer<Float>
        let countsAbove: UnsafeMutableBufferPointer<Int32>

        /// The same level with the per-column buffers narrowed to column `c`.
        func column(_ c: Int) -> Buffers {
            let r = c * count ..< (c + 1) * count
            return Buffers(count: count, gpusUp: gpusUp, sums: UnsafeMutableBufferPointer(rebasing: sums[r]),
                           maxima: UnsafeMutableBufferPointer(rebasing: maxima[r]),
                           countsAbove: UnsafeMutableBufferPointer(rebasing: countsAbove[r]))
        }
    }

    /// Calls `body` with the level's figures pinned for writing. The arrays are uniquely held by the
    /// roll-up (see `FleetRollup`), so pinning copies nothing; `gpus` is left out because it is
    /// written only when the roll-up is built.
    mutating func withUnsafeBuffers<R>(_ body: (Buffers) -> R) -> R {
        let count = self.count
        return gpusUp.withUnsafeMutableBufferPointer { up in
        sums.withUnsafeMutableBufferPointer { s in
        maxima.withUnsafeMutableBufferPointer { m in
        countsAbove.withUnsafeMutableBufferPointer { a in
            body(Buffers(count: count, gpusUp: up, sums: s, maxima: m, countsAbove: a))
        }
        }
        }
        }
    }
}
