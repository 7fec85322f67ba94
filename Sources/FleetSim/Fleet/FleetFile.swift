import Foundation

/// Reads a YAML fleet file into a `FleetSpec`. A file may start from a preset (`preset: demo`) and
/// override anything: sites (matched by name, new names added, `replace_sites: true` to start empty),
/// halls, classes and every knob section. Errors name file, line and field.
public enum FleetFile {
    static let topKeys = ["preset", "name", "start_hour", "diurnal", "replace_sites", "sites", "classes",
                          "serving", "power", "thermal", "failures", "routing", "agentic"]
    static let siteKeys = ["name", "rtt_ms", "price_usd_per_mwh", "grid_limit_kw", "pue", "outside_temp_c", "halls", "tags"]
    static let hallKeys = ["cooling", "racks", "servers_per_rack", "sku", "tensor_parallel", "count", "tags", "rack_tags", "pools"]
    static let classKeys = ["rate_rps", "arrivals", "cv", "input_tokens", "output_tokens", "ttft_slo_s", "tpot_slo_s", "trace"]
    static let traceKeys = ["path", "rate_scale", "loop", "duration_s"]

    /// A preset name, or a path to a fleet file.
    public static func resolve(_ nameOrPath: String) throws -> FleetSpec {
        if let p = FleetSpec.preset(named: nameOrPath) { return p }
        guard FileManager.default.fileExists(atPath: nameOrPath) else {
            throw Diagnostic(file: nameOrPath, message: "no such preset or file",
                             expected: FleetSpec.presetNames, expectedForm: .valid)
        }
        return try load(path: nameOrPath)
    }

    /// Reads and parses a fleet file.
    public static func load(path: String) throws -> FleetSpec {
        let text: String
        do { text = try TextFile.read(path, limit: TextFile.settingsLimit) } catch {
            throw Diagnostic(file: path, message: "cannot read the file: it \(error)")
        }
        return try parse(text, file: path)
    }

    /// Parses fleet-file text; `file` names it in errors and anchors relative trace paths.
    public static func parse(_ text: String, file: String) throws -> FleetSpec {
        let root: ConfigNode
        do { root = try ConfigNode.parse(text) } catch {
            throw Diagnostic(file: file, line: error.line, field: "", message: "YAML: \(error.message)")
        }
        var r = Reader(file: file)
        return try r.spec(root)
    }

    struct Reader {
        let file: String

        func fail(_ node: ConfigNode, _ field: String, _ message: String, _ choices: [String] = []) -> Diagnostic {
            Diagnostic(file: file, line: node.line, field: field, message: message, expected: choices, expectedForm: .valid)
        }

        func entries(_ node: ConfigNode, _ field: String, allowed: [String]) throws -> [ConfigEntry] {
            guard case .mapping(let e, _) = node else { throw fail(node, field, "expected a mapping") }
            for x in e where !allowed.contains(x.key) {
                throw Diagnostic(file: file, line: x.keyLine, field: field.isEmpty ? x.key : "\(field).\(x.key)",
                                 message: "unknown field", expected: allowed, expectedForm: .valid)
            }
            return e
        }

        func string(_ node: ConfigNode, _ field: String) throws -> String {
            guard case .scalar(let s, _) = node else { throw fail(node, field, "expected a value") }
            return s
        }

        func number(_ node: ConfigNode, _ field: String, min: Double? = nil) throws -> Double {
            let s = try string(node, field)
            var t = s.trimmingCharacters(in: .whitespaces)
            var scale = 1.0
            if t.hasSuffix("%") { t.removeLast(); scale = 0.01 }
            guard let v = Double(t.replacingOccurrences(of: "_", with: "")), v.isFinite else {
                throw fail(node, field, "expected a number, got '\(s)'")
            }
            if let min, v * scale < min { throw fail(node, field, "must be at least \(min), got \(s)") }
            return v * scale
        }

        func integer(_ node: ConfigNode, _ field: String, min: Int = 0) throws -> Int {
            let s = try string(node, field)
            guard let v = Int(s.replacingOccurrences(of: "_", with: "")) else { throw fail(node, field, "expected a whole number, got '\(s)'") }
            guard v >= min else { throw fail(node, field, "must be at least \(min), got \(v)") }
            return v
        }

        func bool(_ node: ConfigNode, _ field: String) throws -> Bool {
            switch try string(node, field).lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: throw fail(node, field, "expected true or false", ["true", "false"])
            }
        }

        mutating func spec(_ root: ConfigNode) throws -> FleetSpec {
            let top = try entries(root, "", allowed: FleetFile.topKeys)
            var spec: FleetSpec
            if let p = top.first(where: { $0.key == "preset" }) {
                let name = try string(p.value, "preset")
                guard let base = FleetSpec.preset(named: name) else {
                    throw fail(p.value, "preset", "unknown preset '\(name)'", FleetSpec.presetNames)
                }
                spec = base
            } else {
                guard top.contains(where: { $0.key == "sites" }) else {
                    throw fail(root, "sites", "a fleet file without `preset` must list its sites")
                }
                spec = FleetSpec(name: "", sites: [], classes: FleetSpec.defaultClasses(chatRate: 100))
            }
            spec.name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            for e in top {
                switch e.key {
                case "name": spec.name = try string(e.value, "name")
                case "start_hour": spec.startHourOfDay = try number(e.value, "start_hour", in: 0...24)
                case "diurnal": spec.diurnal = try bool(e.value, "diurnal")
                case "replace_sites": if try bool(e.value, "replace_sites") { spec.sites = [] }
                default: break
                }
            }
            for e in top {
                switch e.key {
                case "sites": try sites(e.value, into: &spec)
                case "classes": try classes(e.value, into: &spec)
                case "serving", "power", "thermal", "failures", "routing", "agentic": try knobs(e.key, e.value, into: &spec)
                default: break
                }
            }
            guard !spec.sites.isEmpty else { throw fail(root, "sites", "the fleet has no sites") }
            try checkSize(spec, root)
            return spec
        }

        func sites(_ node: ConfigNode, into spec: inout FleetSpec) throws {
            guard case .sequence(let items, _) = node else { throw fail(node, "sites", "expected a list of sites") }
            for (i, item) in items.enumerated() {
                let field = "sites[\(i)]"
                let e = try entries(item, field, allowed: FleetFile.siteKeys)
                guard let nameEntry = e.first(where: { $0.key == "name" }) else { throw fail(item, "\(field).name", "missing") }
                let name = try string(nameEntry.value, "\(field).name")
                let existing = spec.sites.firstIndex { $0.name == name }
                var site = existing.map { spec.sites[$0] }
                    ?? SiteSpec(name: name, rttMs: 10, pricePerMWh: 90, gridLimitKW: 0, basePUE: 1.2, halls: [])
                for x in e {
                    let f = "\(field).\(x.key)"
                    switch x.key {
                    case "rtt_ms": site.rttMs = try siteNumber(x, f)
                    case "price_usd_per_mwh": site.pricePerMWh = try siteNumber(x, f)
                    case "grid_limit_kw": site.gridLimitKW = try siteNumber(x, f)
                    case "pue": site.basePUE = try siteNumber(x, f)
                    case "outside_temp_c": site.outsideTempMeanC = try siteNumber(x, f)
                    case "halls": site.halls = try halls(x.value, f)
                    case "tags": site.tags = try tags(x.value, f)
                    default: break
                    }
                }
                if site.halls.isEmpty { throw fail(item, "\(field).halls", "site '\(name)' needs at least one hall") }
                if site.gridLimitKW <= 0 {
                    throw fail(item, "\(field).grid_limit_kw", "missing for new site '\(name)'")
                }
                if let existing { spec.sites[existing] = site } else { spec.sites.append(site) }
            }
        }

        func halls(_ node: ConfigNode, _ field: String) throws -> [HallSpec] {
            guard case .sequence(let items, _) = node else { throw fail(node, field, "expected a list of halls") }
            var out: [HallSpec] = []
            for (i, item) in items.enumerated() {
                let f = "\(field)[\(i)]"
                var hall = HallSpec(cooling: .liquid, racks: 16, serversPerRack: 4, sku: .h100)
                var count = 1
                var rackTags: [(tag: RackTag, node: ConfigNode, field: String)] = []
                var pools: [(pool: ServingPool, node: ConfigNode, field: String)] = []
                for x in try entries(item, f, allowed: FleetFile.hallKeys) {
                    let k = "\(f).\(x.key)"
                    switch x.key {
                    case "cooling":
                        let v = try string(x.value, k)
                        guard let c = CoolingKind(rawValue: v) else {
                            throw fail(x.value, k, "unknown cooling '\(v)'", CoolingKind.allCases.map(\.rawValue))
                        }
                        hall.cooling = c
                    case "sku":
                        let v = try string(x.value, k)
                        guard let s = GPUSKU(rawValue: v.uppercased()) else {
                            throw fail(x.value, k, "unknown GPU '\(v)'", GPUSKU.allCases.map(\.rawValue))
                        }
                        hall.sku = s
                    case "racks": hall.racks = try hallSize(x, k)
                    case "servers_per_rack": hall.serversPerRack = try hallSize(x, k)
                    case "tensor_parallel":
                        let tp = try integer(x.value, k, min: 1)
                        guard [1, 2, 4, 8].contains(tp) else { throw fail(x.value, k, "must divide an 8-GPU server", ["1", "2", "4", "8"]) }
                        hall.tensorParallel = tp
                    case "count": count = try hallSize(x, k)
                    case "tags": hall.tags = try tags(x.value, k)
                    case "rack_tags": rackTags = try self.rackTags(x.value, k)
                    case "pools": pools = try self.pools(x.value, k)
                    default: break
                    }
                }
                try checkRackTags(rackTags, racks: hall.racks)
                hall.rackTags = rackTags.map(\.tag)
                try checkPools(pools, racks: hall.racks)
                hall.pools = pools.map(\.pool)
                out += Array(repeating: hall, count: count)
            }
            return out
        }

        func classes(_ node: ConfigNode, into spec: inout FleetSpec) throws {
            let names = RequestClass.allCases.map(\.name)
            guard case .mapping(let e, _) = node else { throw fail(node, "classes", "expected a mapping of classes") }
            for x in e {
                guard let rc = RequestClass(name: x.key) else {
                    throw Diagnostic(file: file, line: x.keyLine, field: "classes.\(x.key)", message: "unknown class", expected: names, expectedForm: .valid)
                }
                var c = spec[rc]
                var cv: Double?
                var kind: String?
                for y in try entries(x.value, "classes.\(x.key)", allowed: FleetFile.classKeys) {
                    let f = "classes.\(x.key).\(y.key)"
                    switch y.key {
                    case "rate_rps": c.ratePerSecond = try classNumber(y, f)
                    case "input_tokens": c.inputTokens = try classNumber(y, f)
                    case "output_tokens": c.outputTokens = try classNumber(y, f)
                    case "ttft_slo_s": c.slo.ttftSeconds = try optionalNumber(y.value, f)
                    case "tpot_slo_s": c.slo.tpotSeconds = try optionalNumber(y.value, f)
                    case "cv": cv = try classNumber(y, f)
                    case "arrivals":
                        let v = try string(y.value, f)
                        guard ["poisson", "gamma"].contains(v) else { throw fail(y.value, f, "unknown arrivals '\(v)'", ["poisson", "gamma"]) }
                        kind = v
                    case "trace": c.arrivals = .trace(try trace(y.value, f))
                    default: break
                    }
                }
                if kind == "poisson" { c.arrivals = .poisson }
                if kind == "gamma" || (kind == nil && cv != nil) {
                    var current = 2.2
                    if case .gammaModulated(let old) = c.arrivals { current = old }
                    c.arrivals = .gammaModulated(cv: cv ?? current)
                }
                spec[rc] = c
            }
        }

        func optionalNumber(_ node: ConfigNode, _ field: String) throws -> Double? {
            if case .scalar(let s, _) = node, ["none", "null", "~", ""].contains(s.lowercased()) { return nil }
            return try number(node, field, in: 0...86_400)
        }

        func trace(_ node: ConfigNode, _ field: String) throws -> TraceSpec {
            var t = TraceSpec(path: "")
            for x in try entries(node, field, allowed: FleetFile.traceKeys) {
                let f = "\(field).\(x.key)"
                switch x.key {
                case "path":
                    let p = try string(x.value, f)
                    let dir = (file as NSString).deletingLastPathComponent
                    t.path = p.hasPrefix("/") || dir.isEmpty ? p : (dir as NSString).appendingPathComponent(p)
                    guard FileManager.default.fileExists(atPath: t.path) else { throw fail(x.value, f, "no such file '\(t.path)'") }
                case "rate_scale":
                    t.rateScale = try number(x.value, f, min: 1e-6)
                    if t.rateScale > 1e4 { throw fail(x.value, f, "must be at most 10000, got \(t.rateScale)") }
                case "loop": t.loop = try bool(x.value, f)
                case "duration_s": t.durationSeconds = try number(x.value, f, in: 0...QuantityText.maxDurationSeconds)
                default: break
                }
            }
            if t.path.isEmpty { throw fail(node, "\(field).path", "missing") }
            return t
        }

        func knobs(_ section: String, _ node: ConfigNode, into spec: inout FleetSpec) throws {
            for x in try entries(node, section, allowed: FleetKnobTable.keys(section)) {
                let f = "\(section).\(x.key)"
                let range = FleetKnobTable.ranges[f] ?? FleetKnobTable.defaultRange
                if let kp = FleetKnobTable.numbers[section]?.first(where: { $0.0 == x.key })?.1 {
                    spec[keyPath: kp] = try number(x.value, f, in: range)
                } else if let kp = FleetKnobTable.integers[section]?.first(where: { $0.0 == x.key })?.1 {
                    let v = try integer(x.value, f, min: Int(max(range.lowerBound, 0)))
                    if Double(v) > range.upperBound { throw fail(x.value, f, "must be at most \(Int(range.upperBound)), got \(v)") }
                    spec[keyPath: kp] = v
                } else if let kp = FleetKnobTable.booleans[section]?.first(where: { $0.0 == x.key })?.1 {
                    spec[keyPath: kp] = try bool(x.value, f)
                } else if let choices = FleetKnobTable.words[section]?.first(where: { $0.0 == x.key })?.1 {
                    let v = try string(x.value, f)
                    guard choices.contains(v) else { throw fail(x.value, f, "unknown value '\(v)'", choices) }
                    switch x.key {
                    case "prefill_mode": spec.serving.prefillMode = PrefillMode(rawValue: v)!
                    case "routing": spec.serving.routing = ReplicaRouting(rawValue: v)!
                    default: spec.serving.kvReservation = KVReservation(rawValue: v)!
                    }
                } else if x.key == "step_time" {
                    for y in try entries(x.value, f, allowed: FleetKnobTable.curves) {
                        let curve = try stepCurve(y.value, "\(f).\(y.key)")
                        if y.key == "prefill_ms" { spec.serving.prefillStep = curve } else { spec.serving.decodeStep = curve }
                    }
                }
            }
        }

        /// A step-time curve: a list of `[x, ms]` pairs, x increasing, ms positive.
        func stepCurve(_ node: ConfigNode, _ field: String) throws -> StepTimeCurve {
            guard case .sequence(let items, _) = node, items.count >= 2 else {
                throw fail(node, field, "expected a list of at least two [x, ms] pairs")
            }
            var points: [(Double, Double)] = []
            for (i, item) in items.enumerated() {
                let f = "\(field)[\(i + 1)]"
                guard case .sequence(let pair, _) = item, pair.count == 2 else { throw fail(item, f, "expected a pair [x, ms]") }
                let x = try number(pair[0], f, in: 0...1e7), ms = try number(pair[1], f, in: 1e-3...1e7)
                if let last = points.last, x <= last.0 { throw fail(item, f, "x must increase, got \(x) after \(last.0)") }
                points.append((x, ms))
            }
            return StepTimeCurve(points)
        }

        /// A number that must lie in `range`.
        func number(_ node: ConfigNode, _ field: String, in range: ClosedRange<Double>) throws -> Double {
            let v = try number(node, field)
            guard range.contains(v) else {
                throw fail(node, field, "must be between \(Self.plain(range.lowerBound)) and \(Self.plain(range.upperBound)), got \(Self.plain(v))")
            }
            return v
        }

        static func plain(_ v: Double) -> String {
            v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
        }
    }
}
