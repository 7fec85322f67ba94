/// The roll-up of every column at one level (racks, halls, sites or the fleet): per entity its GPU
/// count, up GPU count, and per column the sum, max and count above the column's threshold.
/// Column figures are stored column-major (`column * count + entity`) in buffers reused by every
/// update.
public struct RollupLevel: Sendable, Equatable {
    /// Entities at this level.
    public let count: Int
    /// Columns rolled up.
    public let columnCount: Int
    /// Which columns are masked by the up state (a copy of the roll-up's configuration).
    public let masked: [Bool]
    /// GPUs in each entity (from the layout).
    public internal(set) var gpus: [Int32]
    /// Up GPUs in each entity (from the last update).
    public internal(set) var gpusUp: [Int32]
    /// Sum per column and entity, column-major.
    public internal(set) var sums: [Double]
    /// Max per column and entity, column-major; `-infinity` where nothing counted.
    public internal(set) var maxima: [Float]
    /// Entries above the column's threshold per column and entity, column-major.
    public internal(set) var countsAbove: [Int32]

    init(count: Int, masked: [Bool]) {
        self.count = count
        self.columnCount = masked.count
        self.masked = masked
        gpus = [Int32](repeating: 0, count: count)
        gpusUp = [Int32](repeating: 0, count: count)
        sums = [Double](repeating: 0, count: count * masked.count)
        maxima = [Float](repeating: -.infinity, count: count * masked.count)
        countsAbove = [Int32](repeating: 0, count: count * masked.count)
    }

    /// Sum of `column` over `entity`'s GPUs (up ones only for a masked column).
    @inlinable
    public func sum(_ column: Int, _ entity: Int) -> Double { sums[column * count + entity] }

    /// Largest value of `column` in `entity`; `-infinity` when nothing counted.
    @inlinable
    public func max(_ column: Int, _ entity: Int) -> Float { maxima[column * count + entity] }

    /// Entries of `column` in `entity` above the column's threshold.
    @inlinable
    public func countAbove(_ column: Int, _ entity: Int) -> Int { Int(countsAbove[column * count + entity]) }

    /// Mean of `column` over the GPUs it covers (up GPUs when masked); 0 when none.
    @inlinable
    public func mean(_ column: Int, _ entity: Int) -> Double {
        let n = masked[column] ? gpusUp[entity] : gpus[entity]
        return n == 0 ? 0 : sums[column * count + entity] / Double(n)
    }

    /// The sums of one column for every entity, in entity order.
    public func sums(_ column: Int) -> ArraySlice<Double> { sums[column * count ..< (column + 1) * count] }

    /// The maxima of one column for every entity, in entity order.
    public func maxima(_ column: Int) -> ArraySlice<Float> { maxima[column * count ..< (column + 1) * count] }

    /// The above-threshold counts of one column for every entity, in entity order.
    public func countsAbove(_ column: Int) -> ArraySlice<Int32> {
        countsAbove[column * count ..< (column + 1) * count]
    }
}
