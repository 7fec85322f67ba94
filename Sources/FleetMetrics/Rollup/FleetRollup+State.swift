/// The one place the roll-up's arrays are pinned for the kernels. Every pass works on a `State`
/// of pointers, so the passes read as plain code and the nesting of `withUnsafe…` calls is written
/// once, here.
///
/// What the unsafe code buys, measured with `swift build -c release` then
/// `fleettop bench --json --fleet tiny --seconds 5` (1,000,000 GPUs × 6 columns) and the same with
/// `--gpus 64` (the fixed cost of an update), best of 21 on the thread's CPU clock, on a shared
/// 2-core machine:
/// - Raw pointers into the columns, the state bytes and the level arrays are what the SIMD kernels
///   load 8 lanes at a time from, with no bounds or uniqueness check per element. The fused SIMD
///   pass took 2.0–2.6 ms against 9.5–10.2 ms for the scalar reference (itself on pointers; an
///   array-indexed version was not measured): a ratio of 3.6–4.8.
/// - Pinning every array once per update, here, instead of in every pass (7 arrays besides the
///   columns for the fused pass, 6 for the up counts, 21 per column for its roll-up to the fleet):
///   the fixed cost of an update fell from 3.8–4.1 µs to 2.4–2.5 µs, about 0.07% of a
///   1,000,000-GPU update.
/// - A stack allocation for the column pointers (`withUnsafeTemporaryAllocation`) keeps an update
///   free of heap allocations, as `FleetRollup` promises; it buys no time. A build with
///   `UnsafeMutableBufferPointer.allocate` / `deallocate` in its place had a fixed cost of 1.2 µs
///   instead of 2.4 µs per update (`--gpus 64`), and the same 2.0–2.6 ms at 1,000,000 GPUs: the
///   1.2 µs is 0.05% of a full update, so the promise is kept.
extension FleetRollup {
    /// Pointers to everything a pass reads and writes. Valid only inside `withUnsafeState`.
    struct State {
        /// GPUs per column.
        let gpuCount: Int
        /// Each column's first value, or empty when the call brings no columns or there are no GPUs.
        let columns: UnsafeBufferPointer<UnsafePointer<Float>>
        let masked: UnsafeBufferPointer<Bool>
        let thresholds: UnsafeBufferPointer<Float>
        let uniformRackSize: Int?
        /// The layout's slices, and the fleet's one slice of every site.
        let gpuOffsets, rackOffsets, hallOffsets, fleetOffsets: UnsafeBufferPointer<Int>
        let racks, halls, sites, fleet: RollupLevel.Buffers

        /// Column `c`'s values.
        func column(_ c: Int) -> UnsafeBufferPointer<Float> {
            gpuCount == 0 ? UnsafeBufferPointer(start: nil, count: 0) : UnsafeBufferPointer(start: columns[c], count: gpuCount)
        }
    }

    /// Calls `body` with the roll-up's arrays and `values` (GPU columns, each `layout.gpuCount` long,
    /// checked by the caller) pinned.
    mutating func withUnsafeState<R>(columns values: [[Float]] = [], _ body: (State) -> R) -> R {
        let layout = self.layout, masked = self.masked, thresholds = self.thresholds, fleetOffsets = self.fleetOffsets
        let n = layout.gpuCount
        return Self.withColumnPointers(n > 0 ? values : []) { columns in
        masked.withUnsafeBufferPointer { masked in
        thresholds.withUnsafeBufferPointer { thresholds in
        layout.gpuOffsets.withUnsafeBufferPointer { gpuOffsets in
        layout.rackOffsets.withUnsafeBufferPointer { rackOffsets in
        layout.hallOffsets.withUnsafeBufferPointer { hallOffsets in
        fleetOffsets.withUnsafeBufferPointer { fleetOffsets in
        racks.withUnsafeBuffers { racks in
        halls.withUnsafeBuffers { halls in
        sites.withUnsafeBuffers { sites in
        fleet.withUnsafeBuffers { fleet in
            body(State(gpuCount: n, columns: columns, masked: masked, thresholds: thresholds,
                       uniformRackSize: layout.uniformRackSize, gpuOffsets: gpuOffsets, rackOffsets: rackOffsets,
                       hallOffsets: hallOffsets, fleetOffsets: fleetOffsets,
                       racks: racks, halls: halls, sites: sites, fleet: fleet))
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
    }

    /// Calls `body` with the first value of every column of `values`, in a stack allocation.
    static func withColumnPointers<R>(_ values: [[Float]],
                                      _ body: (UnsafeBufferPointer<UnsafePointer<Float>>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: values.count) { pointers in
            pin(values, 0, pointers) { body(UnsafeBufferPointer(pointers)) }
        }
    }

    /// Calls `body` once `pointers[k...]` hold the storage of `values[k...]` (none may be empty).
    private static func pin<R>(_ values: [[Float]], _ k: Int,
                               _ pointers: UnsafeMutableBufferPointer<UnsafePointer<Float>>, _ body: () -> R) -> R {
        if k == values.count { return body() }
        return values[k].withUnsafeBufferPointer { b in
            pointers[k] = b.baseAddress!
            return pin(values, k + 1, pointers, body)
        }
    }
}
