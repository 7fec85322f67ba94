/// The checks that keep a fleet file's figures within what the model and the machine can hold:
/// every site, class and hall figure against its range in `FleetKnobTable`, and the whole fleet
/// against `FleetKnobTable.maxGPUs`.
extension FleetFile.Reader {
    /// A site figure, within `FleetKnobTable.siteRanges`.
    func siteNumber(_ entry: ConfigEntry, _ field: String) throws -> Double {
        try number(entry.value, field, in: FleetKnobTable.siteRanges[entry.key] ?? FleetKnobTable.defaultRange)
    }

    /// A class figure, within `FleetKnobTable.classRanges`.
    func classNumber(_ entry: ConfigEntry, _ field: String) throws -> Double {
        try number(entry.value, field, in: FleetKnobTable.classRanges[entry.key] ?? FleetKnobTable.defaultRange)
    }

    /// A hall size (racks, servers per rack, repeat count), within `FleetKnobTable.hallRanges`.
    func hallSize(_ entry: ConfigEntry, _ field: String) throws -> Int {
        let range = FleetKnobTable.hallRanges[entry.key] ?? 1...1
        let v = try integer(entry.value, field, min: range.lowerBound)
        guard v <= range.upperBound else {
            throw fail(entry.value, field, "must be at most \(range.upperBound), got \(v)")
        }
        return v
    }

    /// Refuses a fleet with more GPUs than fleettop can hold in memory.
    func checkSize(_ spec: FleetSpec, _ root: ConfigNode) throws {
        var total = 0
        for site in spec.sites {
            for hall in site.halls {
                total += hall.gpuCount
                guard total <= FleetKnobTable.maxGPUs else {
                    throw fail(root, "sites", "the fleet has more than \(FleetKnobTable.maxGPUs) GPUs, "
                        + "more than fleettop can hold in memory; use fewer racks or halls")
                }
            }
        }
    }
}
