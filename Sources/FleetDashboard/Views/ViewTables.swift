import FleetSim

/// The rows of the table views, built from a snapshot: racks, GPUs (from the snapshot's per-GPU
/// figures), alerts (exactly what the header's "⚠ N alerts" counts) and active faults.
public enum ViewTables {
    /// The table a view shows (nil for the dashboard and the latency history).
    public static func model(_ view: DashboardView, _ s: Snapshot, deg: String) -> TableModel? {
        switch view {
        case .racks: racks(s, deg: deg)
        case .gpus: gpus(s, deg: deg)
        case .alerts: alerts(s)
        case .faults: faults(s)
        case .dashboard, .latency: nil
        }
    }

    /// The sort a view starts with: hottest racks and GPUs first, newest alerts and faults first.
    public static func initialState(_ view: DashboardView) -> TableState {
        switch view {
        case .racks, .gpus: TableState(sortColumn: 2, descending: true)
        case .alerts: TableState(sortColumn: 0, descending: false)
        case .faults: TableState(sortColumn: 0, descending: true)
        case .dashboard, .latency: TableState()
        }
    }

    /// A rack's state in a word, most serious first, with its colour role and rank (higher is worse).
    static func rackState(_ f: RackFlags, up: Int, gpus: Int) -> (String, ThemeColor, Double) {
        if up == 0 && gpus > 0 || f.contains(.failed) { return (up == 0 ? "failed" : "part failed", .critical, 9) }
        if f.contains(.shutDown) { return ("shut down", .critical, 8) }
        if f.contains(.shed) { return ("shed", .warning, 7) }
        if f.contains(.thermal) { return ("throttled", .warning, 6) }
        if f.contains(.powerCapped) { return ("capped", .warning, 5) }
        if f.contains(.network) { return ("network", .warning, 4) }
        if f.contains(.queueSaturated) { return ("queue full", .warning, 3) }
        if f.contains(.straggler) { return ("straggler", .warning, 2) }
        return ("ok", .mainForeground, 0)
    }

    static func racks(_ s: Snapshot, deg: String) -> TableModel {
        let r = s.racks
        let columns: [TableModel.Column] = [
            .init("rack", priority: 100), .init("state", priority: 90), .init("die " + deg, right: true, priority: 80),
            .init("GPUs up", right: true, priority: 70), .init("power kW", right: true, priority: 60),
            .init("util", right: true, priority: 50), .init("queue", right: true, priority: 40),
            .init("inlet " + deg, right: true, priority: 30), .init("marks", priority: 20),
        ]
        var rows: [TableModel.Row] = []
        rows.reserveCapacity(r.count)
        for i in 0..<r.count {
            let up = Int(r.gpusUp[i]), gpus = Int(r.gpus[i])
            let (state, role, rank) = rackState(r.flags[i], up: up, gpus: gpus)
            let die = Double(r.dieCMaxReported[i]), inlet = Double(r.inletCReported[i])
            rows.append(TableModel.Row(
                cells: [MapSelection.rack(i).path(in: s), state, NumberFormat.fixed(die, 1), "\(up)/\(gpus)",
                        NumberFormat.fixed(Double(r.itPowerKW[i]), 1), NumberFormat.percent(Double(r.utilization[i])),
                        NumberFormat.count(Double(r.queueRequests[i])), NumberFormat.fixed(inlet, 1),
                        ThermalPanel.reasonCodes(r.flags[i], glyphs: .unicode)],
                keys: [.number(Double(i)), .number(rank), .number(die), .number(Double(up)), .number(Double(r.itPowerKW[i])),
                       .number(Double(r.utilization[i])), .number(Double(r.queueRequests[i])), .number(inlet),
                       .text(ThermalPanel.reasonCodes(r.flags[i], glyphs: .unicode))],
                role: role, target: .rack(i)))
        }
        return TableModel(columns: columns, rows: rows, empty: "this fleet has no racks")
    }

    static func gpus(_ s: Snapshot, deg: String) -> TableModel {
        let columns: [TableModel.Column] = [
            .init("GPU", priority: 100), .init("state", priority: 90), .init("die " + deg, right: true, priority: 80),
            .init("power W", right: true, priority: 70), .init("clock", right: true, priority: 60),
            .init("util", right: true, priority: 50), .init("KV", right: true, priority: 45),
            .init("replica", priority: 40), .init("fault", priority: 30),
        ]
        guard let d = s.gpuDetail else {
            return TableModel(columns: columns, rows: [], empty: "waiting for the simulation's per-GPU figures…")
        }
        var rows: [TableModel.Row] = []
        rows.reserveCapacity(d.count)
        var rackStart = 0, lastRack = -1
        for k in 0..<d.count {
            let rack = Int(d.rack[k])
            if rack != lastRack { rackStart = k; lastRack = rack }
            let inRack = k - rackStart
            let reason = d.reason[k]
            let role: ThemeColor = switch reason {
            case .failed, .shutDown: .critical
            case .ok: .mainForeground
            default: .warning
            }
            let path = MapSelection.rack(rack).path(in: s) + "/g\(inRack + 1)"
            rows.append(TableModel.Row(
                cells: [path, reason.rawValue, NumberFormat.fixed(Double(d.dieCReported[k]), 1),
                        NumberFormat.fixed(Double(d.powerW[k]), 0), NumberFormat.percent(Double(d.clock[k])),
                        NumberFormat.percent(Double(d.utilization[k])), NumberFormat.percent(Double(d.kvUse[k])),
                        "p\(d.replicaInRack[k])", d.failedByFault[k].map { "#\($0)" } ?? ""],
                keys: [.number(Double(d.firstGPU + k)), .number(Double(severity(reason))), .number(Double(d.dieCReported[k])),
                       .number(Double(d.powerW[k])), .number(Double(d.clock[k])), .number(Double(d.utilization[k])),
                       .number(Double(d.kvUse[k])), .number(Double(d.replica[k])), .number(Double(d.failedByFault[k] ?? -1))],
                role: role, target: .gpu(rack: rack, index: inRack + 1)))
        }
        let first = MapSelection.rack(d.racks.lowerBound).path(in: s)
        let last = MapSelection.rack(max(d.racks.lowerBound, d.racks.upperBound - 1)).path(in: s)
        var note = d.racks.count == 1 ? "GPUs of \(first)" : "GPUs of racks \(first) to \(last)"
        if d.truncated { note += " (at most \(NumberFormat.count(Double(GPUDetail.limit))) GPUs a view: select a rack or hall on the map)" }
        return TableModel(columns: columns, rows: rows, note: note, empty: "no GPUs in the selection")
    }

    static func severity(_ r: GPUDetail.Reason) -> Int {
        switch r {
        case .failed: 6
        case .shutDown: 5
        case .shed: 4
        case .throttled: 3
        case .capped: 2
        case .straggler: 1
        case .ok: 0
        }
    }

    static func alerts(_ s: Snapshot) -> TableModel {
        let columns: [TableModel.Column] = [
            .init("since", priority: 90), .init("kind", priority: 95), .init("what", priority: 100), .init("detail", priority: 50),
        ]
        var rows: [TableModel.Row] = []
        func add(_ since: Double?, _ kind: String, _ what: String, _ detail: String, _ role: ThemeColor, _ target: TableModel.Target) {
            rows.append(TableModel.Row(cells: [since.map(NumberFormat.simClock) ?? "now", kind, what, detail],
                                       keys: [.number(-(since ?? s.simTime)), .text(kind), .text(what), .text(detail)],
                                       role: role, target: target))
        }
        for alert in s.status.alerts {
            let target: TableModel.Target
            switch alert.subject {
            case .fault(let id): target = .fault(id)
            case .site(let i): target = .place(.site(i))
            case .hall(let h): target = .place(.hall(h))
            case .reading:
                let place = alert.text.split(separator: " ").lazy.filter { $0.contains("/") }
                    .compactMap { JumpPrompt.resolve(String($0), in: s) }.first
                target = place.map { .place($0) } ?? .none
            case .slo, .invariant: target = .none
            }
            add(alert.sinceSeconds, alert.kind.rawValue, alert.text, alert.detail, alert.critical ? .critical : .warning, target)
        }
        return TableModel(columns: columns, rows: rows, note: "the header's ⚠ count: faults, SLO breaches, power caps, thermal, readings, model checks",
                          empty: "no alerts: no fault active, every SLO target met, no cap or heat")
    }

    static func faults(_ s: Snapshot) -> TableModel {
        let columns: [TableModel.Column] = [
            .init("id", right: true, priority: 100), .init("kind", priority: 95), .init("target", priority: 90),
            .init("since", priority: 80), .init("ends", priority: 70), .init("by", priority: 60), .init("command", priority: 20),
        ]
        let rows = s.activeFaults.map { f in
            let ends: String
            if let until = f.untilSeconds {
                ends = "in " + ClockText.elapsed(max(0, until - s.simTime))
            } else if f.spec?.stopCondition != nil {
                ends = "on stop condition"
            } else {
                ends = "when repaired"
            }
            return TableModel.Row(
                cells: ["#\(f.id)", f.kind.rawValue, f.target, NumberFormat.simClock(f.sinceSeconds), ends,
                        f.injected ? "operator" : "background", f.spec.map { CommandFormatter.format(.fault($0)) } ?? ""],
                keys: [.number(Double(f.id)), .text(f.kind.rawValue), .text(f.target), .number(f.sinceSeconds),
                       .number(f.untilSeconds ?? .infinity), .text(f.injected ? "operator" : "background"), .text("")],
                role: .critical, target: .fault(f.id))
        }
        return TableModel(columns: columns, rows: rows, note: "r repairs the fault under the cursor, and only it",
                          empty: "no active fault")
    }
}
