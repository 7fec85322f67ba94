/// A site's replica choice (MODEL §4): one tournament tree per serving group over the group's slots,
/// so a request is routed only among the replicas that serve its class, in O(log n) per update.
/// Ties go to the lower slot, across groups too, as one linear scan would.
struct SlotRouting: Sendable {
    private var trees: [MinTree] = []
    /// Per tree: its slots by leaf, and the serving group it holds.
    private var treeSlots: [[Int32]] = []
    private var treeGroup: [Int] = []
    /// Per slot: its tree and leaf.
    private var slotTree: [Int32] = []
    private var slotLeaf: [Int32] = []
    /// Per class: the trees whose group admits it.
    private var classTrees: [[Int]] = [[], [], [], []]
    /// Round-robin position per tree, and per class the tree it tries first.
    private var turn: [Int] = []
    private var classTurn = [0, 0, 0, 0]

    /// Adds slot `k` (the next slot number) to the tree of serving group `g`, out of the running.
    mutating func add(slot k: Int, group g: Int, groups: ServingGroups) {
        let t: Int
        if let found = treeGroup.firstIndex(of: g) {
            t = found
        } else {
            t = trees.count
            trees.append(MinTree(count: 1)); treeSlots.append([]); treeGroup.append(g); turn.append(0)
            for c in 0..<4 where groups.admits(g, c) { classTrees[c].append(t) }
        }
        slotTree.append(Int32(t)); slotLeaf.append(Int32(treeSlots[t].count))
        treeSlots[t].append(Int32(k))
        trees[t].grow(to: treeSlots[t].count)
    }

    /// Slot `k`'s routing value now (infinity: out of the running).
    @inline(__always)
    func value(_ k: Int) -> Double { trees[Int(slotTree[k])].values[Int(slotLeaf[k])] }

    @inline(__always)
    mutating func update(_ k: Int, _ v: Double) { trees[Int(slotTree[k])].update(Int(slotLeaf[k]), v) }

    /// The slot with the smallest value among those serving class `c`, or nil when none is up.
    func best(class c: Int) -> Int? {
        var best: Int?, bestValue = Double.infinity
        for t in classTrees[c] {
            guard let leaf = trees[t].best else { continue }
            let k = Int(treeSlots[t][leaf]), v = trees[t].values[leaf]
            if v < bestValue || (v == bestValue && k < (best ?? .max)) { best = k; bestValue = v }
        }
        return best
    }

    /// The next up slot serving class `c` in turn, or nil when none is up.
    mutating func nextInTurn(class c: Int, isUp: (Int) -> Bool) -> Int? {
        let candidates = classTrees[c]
        guard !candidates.isEmpty else { return nil }
        for i in 0..<candidates.count {
            let t = candidates[(classTurn[c] + i) % candidates.count]
            let slots = treeSlots[t], n = slots.count
            for step in 0..<n {
                let leaf = (turn[t] + step) % n
                let k = Int(slots[leaf])
                if isUp(k) {
                    turn[t] = (leaf + 1) % n
                    classTurn[c] = (classTurn[c] + i + 1) % candidates.count
                    return k
                }
            }
        }
        return nil
    }

    /// Whether any group at this site serves class `c`.
    func serves(class c: Int) -> Bool { !classTrees[c].isEmpty }
}
