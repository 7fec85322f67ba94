/// Reading `tags: [name, ...]` (sites and halls) and `rack_tags: {name: 1-8}` (halls) in fleet files.
extension FleetFile.Reader {
    /// A list of tag names, each lowercase letters, digits and '-', none repeated.
    func tags(_ node: ConfigNode, _ field: String) throws -> [String] {
        guard case .sequence(let items, _) = node else { throw fail(node, field, "expected a list of tags, e.g. [loop-a]") }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            let f = "\(field)[\(i)]"
            let name = try tagName(try string(item, f), item, f)
            guard !out.contains(name) else { throw fail(item, f, "tag '\(name)' listed twice") }
            out.append(name)
        }
        return out
    }

    /// A mapping of tag name to a rack range (`1-8`) or one rack (`5`); ranges are checked against the
    /// hall's racks by `checkRackTags` once the whole hall is read.
    func rackTags(_ node: ConfigNode, _ field: String) throws -> [(tag: RackTag, node: ConfigNode, field: String)] {
        guard case .mapping(let entries, _) = node else {
            throw fail(node, field, "expected a mapping of tag to racks, e.g. {pdu-a: 1-8}")
        }
        return try entries.map { e in
            let f = "\(field).\(e.key)"
            let name = try tagName(e.key, e.value, f)
            return (RackTag(name: name, racks: try rackRange(e.value, f)), e.value, f)
        }
    }

    /// Racks as `FIRST-LAST` or one number (1-based; checked against the hall by the caller).
    func rackRange(_ node: ConfigNode, _ field: String) throws -> ClosedRange<Int> {
        let text = try string(node, field).replacingOccurrences(of: " ", with: "")
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...2).contains(bounds.count), let lo = bounds.first ?? nil, let hi = bounds.last ?? nil, lo <= hi else {
            throw fail(node, field, "expected racks as FIRST-LAST or one number, got '\(text)'", ["1-8", "5"])
        }
        return lo...hi
    }

    /// Every rack tag's range lies within the hall's racks.
    func checkRackTags(_ tags: [(tag: RackTag, node: ConfigNode, field: String)], racks: Int) throws {
        for t in tags where t.tag.racks.lowerBound < 1 || t.tag.racks.upperBound > racks {
            let r = t.tag.racks
            throw fail(t.node, t.field, "racks \(r.lowerBound)-\(r.upperBound) are outside the hall's racks 1-\(racks)")
        }
    }

    private func tagName(_ name: String, _ node: ConfigNode, _ field: String) throws -> String {
        guard RackTag.isValidName(name) else {
            throw fail(node, field, "bad tag name '\(name)': use lowercase letters, digits and '-'")
        }
        return name
    }
}
