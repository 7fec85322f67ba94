/// The fleet's status (`FleetStatus`), judged here once for every reader: SLO standing per class, the
/// open alerts and what is down.
extension FleetEngine {
    /// Judges every class against its targets (each facility step) and opens or closes its breach event.
    func judgeSLOs(at t: Double) {
        for st in classStats() {
            let i = st.requestClass.rawValue
            sloStatus[i].judge(st)
            let breaches = sloStatus[i].breaches
            if let first = breaches.first, alerts.slo[i] == nil {
                alerts.slo[i] = events.open(.sloBreach, Self.breach(st, first), at: t)
            } else if let first = breaches.first, let id = alerts.slo[i] {
                events.update(id, Self.breach(st, first))
            } else if breaches.isEmpty, let id = alerts.slo[i] {
                events.close(id, at: t); alerts.slo[i] = nil
            }
        }
    }

    /// The breach of `metric` ("TTFT", "TPOT", or nothing served) with the class's target for it.
    static func breach(_ st: ClassStats, _ metric: String) -> SimEvent.Subject {
        let target = switch metric {
        case "TTFT": st.slo.ttftSeconds
        case "TPOT": st.slo.tpotSeconds
        default: Double?.none
        }
        return .sloBreach(st.requestClass, metric: metric, targetSeconds: target)
    }

    /// The status of snapshot `s` (its classes, sites and faults already measured).
    func status(of s: Snapshot) -> FleetStatus {
        var status = FleetStatus()
        status.slo = sloStatus
        var out: [FleetAlert] = []
        for f in s.activeFaults {
            out.append(FleetAlert(subject: .fault(id: f.id), kind: .fault, text: "\(f.kind.rawValue) \(f.target)",
                                  detail: f.injected ? "operator" : "background", sinceSeconds: f.sinceSeconds, critical: true))
        }
        for st in s.classes {
            for metric in sloStatus[st.requestClass.rawValue].breaches {
                let (p99, target): (Double, Double?) = switch metric {
                case "TTFT": (st.ttft.p99, st.slo.ttftSeconds)
                case "TPOT": (st.tpot.p99, st.slo.tpotSeconds)
                default: (0, nil)
                }
                let detail = target.map { "p99 \(Self.seconds(p99)) vs target \(Self.seconds($0))" } ?? "requests came and none was served"
                out.append(FleetAlert(subject: .slo(st.requestClass, metric: metric), kind: .slo,
                                      text: metric == "unserved" ? "\(st.requestClass.name) unserved" : "\(st.requestClass.name) \(metric) p99",
                                      detail: detail, sinceSeconds: alerts.slo[st.requestClass.rawValue].flatMap(eventStart), critical: true))
            }
        }
        for site in 0..<topology.siteCount {
            // The cap's event may be held open after the cap lets go; the alert follows the cap itself.
            let capping = governor.capW[site] != nil
            for id in [alerts.shedding[site], capping ? alerts.cap[site] : nil].compactMap({ $0 }) {
                guard let e = openEvent(id) else { continue }
                out.append(FleetAlert(subject: .site(site), kind: .power, text: e.text,
                                      detail: alerts.shedding[site] == id ? "racks shed" : "GPUs power-capped",
                                      sinceSeconds: e.startSeconds, critical: alerts.shedding[site] == id))
            }
        }
        for h in 0..<topology.hallCount {
            for (id, shutdown) in [(alerts.hallShutdown[h], true), (alerts.hallThrottle[h], false)] {
                guard let id, let e = openEvent(id) else { continue }
                out.append(FleetAlert(subject: .hall(h), kind: .thermal, text: e.text,
                                      detail: shutdown ? "GPUs shut down" : "GPUs slowed by heat", sinceSeconds: e.startSeconds,
                                      critical: shutdown))
            }
            if let id = alerts.hallTemperature[h], let e = openEvent(id) {
                out.append(FleetAlert(subject: .reading, kind: .reading, text: e.text, detail: "sensor reading",
                                      sinceSeconds: e.startSeconds, critical: false))
            }
        }
        status.alerts = out
        status.outage = outage(s)
        return status
    }

    /// The open event `id`, if it is still in the log.
    func openEvent(_ id: Int) -> SimEvent? { events.events.last { $0.id == id && $0.endSeconds == nil } }

    func eventStart(_ id: Int) -> Double? { openEvent(id)?.startSeconds }

    /// "whole fleet down", "metro-edge down · remote-campus cut off", or nil while every site serves.
    func outage(_ s: Snapshot) -> String? {
        var parts: [String] = []
        var serving = 0
        for (i, site) in s.sites.enumerated() {
            if site.gpusUp == 0 { parts.append("\(site.name) down") } else if sitePartitioned[i] { parts.append("\(site.name) cut off") } else { serving += 1 }
        }
        if serving == 0 { return s.totals.gpusUp == 0 ? "whole fleet down" : "every site cut off" }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// "2.3 s" or "180 ms".
    static func seconds(_ v: Double) -> String { v >= 1 ? "\(v.formatted2) s" : "\((v * 1000).formatted2) ms" }
}
