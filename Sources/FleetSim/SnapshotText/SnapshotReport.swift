import Foundation

/// The stable text interfaces of a snapshot: JSON (schema `fleettop.snapshot/1`, keys in a fixed order,
/// units in key names, no strings with units) and a readable summary. `fleettop snapshot` prints these.
public enum SnapshotReport {
    public static let schema = "fleettop.snapshot/1"

    /// The snapshot as one JSON object, keys in this order (counts are requests; fractional only where
    /// sampled halls weight them):
    /// `schema`, `sim_time_s`, `seed`, `fleet` {name, sites, halls, racks, gpus, gpus_up, gpus_thermal_throttled,
    /// gpus_power_capped, gpus_shut_down, it_power_kw, facility_power_kw, grid_limit_kw, pue, energy_kwh,
    /// cost_usd, cost_per_hour_usd, energy_share_of_cost, usd_per_million_tokens, output_tokens_per_s,
    /// requests_per_s, goodput_ratio}, `sites` [{name, rtt_ms, gpus, gpus_up, gpus_thermal_throttled, it_power_kw,
    /// facility_power_kw, grid_limit_kw, active_cap_kw, governor_cap_w, racks_shed, pue, inlet_c_max,
    /// die_c_max, inlet_c_max_reported, die_c_max_reported, utilization, queue_requests, kv_use,
    /// traffic_share, traffic_share_60s, network_loss, price_usd_per_mwh}],
    /// `classes` {chat|code|agentic|batch: {arrived, completed, dropped, waiting, in_flight, retried,
    /// arrival_rps, throughput_rps, goodput_ratio, shed_ratio, mean_in_system, mean_time_in_system_s,
    /// kv_use, ttft_s, tpot_s, e2e_s: {p50, p90, p95, p99} (last 60 s), departures_rps, run: {ttft_s,
    /// tpot_s, e2e_s} (every request completed since the start)}}, `agentic_tasks` {started, completed,
    /// in_flight, calls_per_task_mean, task_e2e_s {p50, p90, p95, p99}, call_p99_s, rtt_share_of_task_time,
    /// probes_in_flight, task_tail_still_filling}, `failures` {gpu, rack, cooling, power, network,
    /// straggler, sensor}, `faults_active`
    /// [{kind, target, injected, since_s, until_s, stop_condition}], `invariant_violations` [string].
    /// `inlet_c_max` / `die_c_max` are the true temperatures; the `_reported` keys are what the sensors
    /// say (they differ only under a sensor fault). `stop_condition` is the `until=` text or null.
    public static func json(_ s: Snapshot) -> String {
        let w = JSONWriter()
        w.object {
            w.key("schema"); w.string(schema)
            w.key("sim_time_s"); w.number(s.simTime)
            w.key("seed"); w.integer(Int64(bitPattern: s.seed))
            w.key("fleet"); w.object {
                let t = s.totals
                w.key("name"); w.string(s.fleetName)
                w.key("sites"); w.integer(t.sites); w.key("halls"); w.integer(t.halls)
                w.key("racks"); w.integer(t.racks); w.key("gpus"); w.integer(t.gpus)
                w.key("gpus_up"); w.integer(t.gpusUp); w.key("gpus_thermal_throttled"); w.integer(t.gpusThermalThrottled)
                w.key("gpus_power_capped"); w.integer(t.gpusPowerCapped); w.key("gpus_shut_down"); w.integer(t.gpusShutDown)
                w.key("it_power_kw"); w.number(t.itPowerKW); w.key("facility_power_kw"); w.number(t.facilityPowerKW)
                w.key("grid_limit_kw"); w.number(t.gridLimitKW); w.key("pue"); w.number(t.pue)
                w.key("energy_kwh"); w.number(t.energyKWh); w.key("cost_usd"); w.number(t.costUSD)
                w.key("cost_per_hour_usd"); w.number(t.costPerHourUSD)
                w.key("energy_share_of_cost"); w.number(t.energyShareOfCost)
                w.key("usd_per_million_tokens")
                if t.outputTokensPerSecond > 0 { w.number(t.usdPerMillionTokens) } else { w.null() }
                w.key("output_tokens_per_s"); w.number(t.outputTokensPerSecond)
                w.key("requests_per_s"); w.number(t.requestsPerSecond)
                w.key("goodput_ratio"); w.number(t.goodputRatio)
            }
            w.key("sites"); w.array(s.sites) { site in
                w.object {
                    w.key("name"); w.string(site.name); w.key("rtt_ms"); w.number(site.rttMs)
                    w.key("gpus"); w.integer(site.gpus); w.key("gpus_up"); w.integer(site.gpusUp)
                    w.key("gpus_thermal_throttled"); w.integer(site.gpusThermalThrottled)
                    w.key("it_power_kw"); w.number(site.itPowerKW); w.key("facility_power_kw"); w.number(site.facilityPowerKW)
                    w.key("grid_limit_kw"); w.number(site.gridLimitKW); w.key("active_cap_kw"); w.number(site.activeCapKW)
                    w.key("governor_cap_w"); if let c = site.governorCapW { w.number(c) } else { w.null() }
                    w.key("racks_shed"); w.integer(site.racksShed)
                    w.key("pue"); w.number(site.pue); w.key("inlet_c_max"); w.number(site.inletCMax)
                    w.key("die_c_max"); w.number(site.dieCMax)
                    w.key("inlet_c_max_reported"); w.number(site.inletCMaxReported)
                    w.key("die_c_max_reported"); w.number(site.dieCMaxReported)
                    w.key("utilization"); w.number(site.utilization)
                    w.key("queue_requests"); w.number(site.queueRequests); w.key("kv_use"); w.number(site.kvUse)
                    w.key("traffic_share"); w.number(site.trafficShare)
                    w.key("traffic_share_60s"); w.number(site.trafficShareLastMinute); w.key("network_loss"); w.number(site.networkLoss)
                    w.key("price_usd_per_mwh"); w.number(site.pricePerMWh)
                }
            }
            w.key("classes"); w.object {
                for c in s.classes {
                    w.key(c.requestClass.name); w.object {
                        w.key("arrived"); w.number(c.arrived); w.key("completed"); w.number(c.completed)
                        w.key("dropped"); w.number(c.dropped); w.key("waiting"); w.number(c.waiting)
                        w.key("in_flight"); w.number(c.inFlight); w.key("retried"); w.number(c.retried)
                        w.key("arrival_rps"); w.number(c.arrivalRPS)
                        w.key("throughput_rps"); w.number(c.throughputRPS); w.key("goodput_ratio"); w.number(c.goodputRatio)
                        w.key("shed_ratio"); w.number(c.shedRatio)
                        w.key("mean_in_system"); w.number(c.meanInSystem)
                        w.key("mean_time_in_system_s"); w.number(c.meanTimeInSystemSeconds)
                        w.key("kv_use"); w.number(c.kvUse)
                        // No completion in the window: null, not zeros or a figure held over.
                        let served = c.e2eHistogram.totalWeight > 0
                        w.key("ttft_s"); if served { percentiles(w, c.ttft) } else { w.null() }
                        w.key("tpot_s"); if served { percentiles(w, c.tpot) } else { w.null() }
                        w.key("e2e_s"); if served { percentiles(w, c.e2e) } else { w.null() }
                        w.key("slo_breaches"); w.array(c.sloStatus.breaches) { w.string($0) }
                        w.key("departures_rps"); w.number(c.departuresRPS)
                        w.key("run"); w.object {
                            w.key("ttft_s"); percentiles(w, c.run.ttft)
                            w.key("tpot_s"); percentiles(w, c.run.tpot)
                            w.key("e2e_s"); percentiles(w, c.run.e2e)
                        }
                    }
                }
            }
            w.key("agentic_tasks"); w.object {
                let a = s.agentic
                w.key("started"); w.number(a.tasksStarted); w.key("completed"); w.number(a.tasksCompleted)
                w.key("in_flight"); w.number(a.tasksInFlight); w.key("calls_per_task_mean"); w.number(a.callsPerTaskMean)
                w.key("task_e2e_s"); percentiles(w, a.taskE2E)
                w.key("call_p99_s"); w.number(a.callP99Seconds)
                w.key("rtt_share_of_task_time"); w.number(a.rttShareOfTaskTime)
                w.key("probes_in_flight"); w.integer(a.probesInFlight)
                w.key("task_tail_still_filling"); w.bool(a.taskTailStillFilling)
            }
            w.key("failures"); w.object {
                let f = s.failures
                w.key("gpu"); w.integer(f.gpu); w.key("rack"); w.integer(f.rack); w.key("cooling"); w.integer(f.cooling)
                w.key("power"); w.integer(f.power); w.key("network"); w.integer(f.network); w.key("straggler"); w.integer(f.straggler)
                w.key("sensor"); w.integer(f.sensor)
            }
            w.key("faults_active"); w.array(s.activeFaults) { f in
                w.object {
                    w.key("kind"); w.string(f.kind.rawValue); w.key("target"); w.string(f.target)
                    w.key("injected"); w.bool(f.injected)
                    w.key("since_s"); w.number(f.sinceSeconds)
                    w.key("until_s"); if let u = f.untilSeconds { w.number(u) } else { w.null() }
                    w.key("stop_condition")
                    if let c = f.spec?.stopCondition { w.string(CommandFormatter.stopConditionText(c)) } else { w.null() }
                }
            }
            w.key("invariant_violations"); w.array(s.invariantViolations) { w.string($0) }
        }
        return w.text
    }

    static func percentiles(_ w: JSONWriter, _ p: Percentiles) {
        w.object {
            w.key("p50"); w.number(p.p50); w.key("p90"); w.number(p.p90)
            w.key("p95"); w.number(p.p95); w.key("p99"); w.number(p.p99)
        }
    }

    /// A readable multi-line summary for a terminal.
    public static func summary(_ s: Snapshot) -> String {
        let t = s.totals
        var lines: [String] = []
        lines.append("fleettop snapshot · \(s.fleetName) · seed \(s.seed) · sim time \(ClockText.hoursMinutesSeconds(s.simTime))")
        lines.append("fleet: \(t.sites) sites, \(t.racks) racks, \(t.gpusUp)/\(t.gpus) GPUs up, \(t.gpusThermalThrottled) thermal-throttled, "
            + "\(t.gpusPowerCapped) power-capped, \(t.gpusShutDown) shut down" + (s.status.outage.map { " · \($0.uppercased())" } ?? ""))
        lines.append("power: IT \(f(t.itPowerKW / 1000, 2)) MW, facility \(f(t.facilityPowerKW / 1000, 2)) MW (PUE \(f(t.pue, 2))), "
            + "energy \(f(t.energyKWh / 1000, 2)) MWh")
        lines.append("cost: $\(f(t.costPerHourUSD, 0))/h, $\(f(t.costUSD, 0)) so far, \(t.outputTokensPerSecond > 0 ? "$" + f(t.usdPerMillionTokens, 2) : "n/a") per 1M tokens, "
            + "energy \(f(t.energyShareOfCost * 100, 1))% of cost")
        lines.append("output: \(f(t.outputTokensPerSecond / 1000, 1))k tokens/s, \(f(t.requestsPerSecond, 1)) requests/s, goodput \(f(t.goodputRatio * 100, 1))%")
        lines.append("")
        lines.append("site            RTT ms  GPUs up  facility kW  limit kW    PUE  inlet°C  die°C  util   queue")
        for site in s.sites {
            lines.append(pad(site.name, 15) + lpad(f(site.rttMs, 0), 7) + lpad("\(site.gpusUp)", 9)
                + lpad(f(site.facilityPowerKW, 0), 13) + lpad(f(site.activeCapKW, 0), 10) + lpad(f(site.pue, 2), 7)
                + lpad(f(site.inletCMax, 1), 9) + lpad(f(site.dieCMax, 1), 7) + lpad(f(site.utilization * 100, 0) + "%", 6)
                + lpad(f(site.queueRequests, 0), 8))
        }
        lines.append("")
        lines.append("class     req/s   queue  goodput   TTFT p50/p99 s      TPOT p50/p99 ms   E2E p99 s  retried  dropped")
        for c in s.classes {
            let latency = c.e2eHistogram.totalWeight > 0
                ? lpad(f(c.ttft.p50, 2) + " / " + f(c.ttft.p99, 2), 18) + lpad(f(c.tpot.p50 * 1000, 0) + " / " + f(c.tpot.p99 * 1000, 0), 18)
                    + lpad(f(c.e2e.p99, 1), 12)
                : lpad("no completions", 18) + lpad("", 30)
            lines.append(pad(c.requestClass.name, 8) + lpad(f(c.throughputRPS, 1), 8) + lpad(f(c.waiting, 0), 8)
                + lpad(f(c.goodputRatio * 100, 1) + "%", 9) + latency
                + lpad(f(c.retried, 0), 9) + lpad(f(c.dropped, 0), 9)
                + (c.sloStatus.breaches.isEmpty ? "" : "  SLO ✘ " + c.sloStatus.breaches.joined(separator: ", ")))
        }
        let a = s.agentic
        lines.append("")
        let tasks = a.taskE2E.p99 > 0 ? "task p50/p99 \(f(a.taskE2E.p50, 1))/\(f(a.taskE2E.p99, 1)) s" : "no task finished yet"
        lines.append("agentic: \(f(a.tasksInFlight, 0)) tasks in flight, \(f(a.callsPerTaskMean, 1)) calls per task, "
            + "\(tasks) vs call p99 \(f(a.callP99Seconds, 2)) s")
        let fl = s.failures
        lines.append("failures since start: gpu \(fl.gpu), rack \(fl.rack), cooling \(fl.cooling), power \(fl.power), "
            + "network \(fl.network), straggler \(fl.straggler), sensor \(fl.sensor)")
        if !s.activeFaults.isEmpty {
            lines.append("faults active:")
            for x in s.activeFaults {
                lines.append("  \(x.kind.rawValue) \(x.target) since \(ClockText.hoursMinutesSeconds(x.sinceSeconds))"
                    + (x.untilSeconds.map { " until \(ClockText.hoursMinutesSeconds($0))" } ?? " until repaired")
                    + (x.spec?.stopCondition.map { " or until \($0.text)" } ?? "") + (x.injected ? "" : " (background)"))
            }
        }
        if !s.invariantViolations.isEmpty {
            lines.append("invariant violations:")
            for v in s.invariantViolations { lines.append("  \(v)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func f(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }
    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
    static func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s }
}
