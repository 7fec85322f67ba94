/// Part of a hall dedicated to some request classes, with batch limits of its own (fleet file
/// `pools`, MODEL §4): the way fleets give interactive code completion small batches and short steps.
/// A class that any pool names is served only by the pools naming it, fleet-wide; replicas in no pool
/// serve the other classes.
public struct ServingPool: Sendable, Equatable {
    /// The classes the pool's replicas serve.
    public var classes: [RequestClass]
    /// 1-based rack numbers of the hall; nil for the whole hall.
    public var racks: ClosedRange<Int>?
    /// Sequences a replica admits at once (nil: the fleet's `serving.max_batch`).
    public var maxBatch: Double?
    /// The iteration's token budget (nil: the fleet's `serving.prefill_chunk_tokens`).
    public var prefillChunkTokens: Double?

    public init(classes: [RequestClass], racks: ClosedRange<Int>? = nil, maxBatch: Double? = nil,
                prefillChunkTokens: Double? = nil) {
        self.classes = classes; self.racks = racks; self.maxBatch = maxBatch; self.prefillChunkTokens = prefillChunkTokens
    }
}
