import Foundation
import FleetMetrics

/// Builds the immutable `Snapshot` from live state, and records the once-a-second history series.
extension FleetEngine {
    /// A complete picture of the fleet now. `clock` is filled in by the runner (defaults: ×1, running).
    public func snapshot(clock: ClockState = ClockState(speed: .times(1), paused: false, achievedRealtimeFactor: 0)) -> Snapshot {
        var checked = measure(clock: clock)
        checked.invariantViolations = InvariantChecker.check(checked, engine: self)
        checked.status.alerts += Self.invariantAlerts(checked.invariantViolations)
        return checked
    }

    /// `snapshot(clock:)`, adding the wall time of its GPU roll-up (the fused pass over every GPU
    /// column) to `rollupTime`, for `fleettop bench`.
    public func snapshot(clock: ClockState = ClockState(speed: .times(1), paused: false, achievedRealtimeFactor: 0),
                         rollupTime: inout Duration) -> Snapshot {
        let wall = ContinuousClock(), start = wall.now
        let gpu = SnapshotGPURollup(topology: topology, physics: physics, capW: governor.capW)
        rollupTime += wall.now - start
        var checked = measure(clock: clock, gpu: gpu)
        checked.invariantViolations = InvariantChecker.check(checked, engine: self)
        checked.status.alerts += Self.invariantAlerts(checked.invariantViolations)
        return checked
    }

    /// The snapshot without the invariant checks (for stop conditions, read every simulated second).
    func measure(clock: ClockState = ClockState(speed: .times(1), paused: false, achievedRealtimeFactor: 0)) -> Snapshot {
        measure(clock: clock, gpu: SnapshotGPURollup(topology: topology, physics: physics, capW: governor.capW))
    }

    func measure(clock: ClockState, gpu: SnapshotGPURollup) -> Snapshot {
        let topo = topology
        var totals = FleetTotals()
        totals.sites = topo.siteCount; totals.halls = topo.hallCount
        totals.racks = topo.rackCount; totals.gpus = topo.gpuCount
        var racks = RackTable(capacity: topo.rackCount)
        var halls: [HallStats] = []
        var sites: [SiteStats] = []
        let served = serving.rackServing(topology: topo, busyPrefill: lastBusy.prefill, busyDecode: lastBusy.decode)
        let slowdownC = Float(spec.thermal.slowdownC)
        let rackLevel = gpu.rollup.racks, hallLevel = gpu.rollup.halls, siteLevel = gpu.rollup.sites
        let windowShares = routedWindow.shares()
        for s in 0..<topo.siteCount {
            var site = SiteStats(name: topo.siteNames[s], rttMs: siteRttMs[s], baseRttMs: spec.sites[s].rttMs,
                                 halls: topo.siteHalls[s], racks: topo.siteRacks[s], powerHistoryKW: sitePowerHistory[s])
            var busy = 0.0, upReplicas = 0.0
            for h in topo.siteHalls[s] {
                var hall = HallStats(site: s, number: Int(topo.hallNumber[h]), cooling: topo.hallCooling[h],
                                     racks: topo.hallRacks[h], dieHistoryC: hallDieHistory[h],
                                     powerHistoryKW: hallPowerHistory[h])
                hall.coolingLoss = faults.hallCoolingLoss[h]
                hall.gpusThermalThrottled = gpu.throttled(hallLevel, h)
                hall.dieCMax = max(0, Double(gpu.dieMax(hallLevel, h)))
                var inletSum = 0.0, inletReportedSum = 0.0, hallBusy = 0.0, hallUp = 0.0
                for r in topo.hallRacks[h] {
                    let throttled = gpu.throttled(rackLevel, r), capped = Int(gpu.powerCapped[r])
                    let failed = gpu.failed[r], shut = Int(gpu.shutDown[r])
                    let up = physics.rackShed[r] ? 0 : Int(rackLevel.gpusUp[r])
                    // Utilisation: the share of the last second a replica spent iterating.
                    let queue = served.queue[r], rackBusy = served.busy[r], rackUpReplicas = served.upReplicas[r]
                    let full = served.saturated[r]
                    let util = rackUpReplicas > 0 ? rackBusy / rackUpReplicas : 0
                    busy += rackBusy; upReplicas += rackUpReplicas
                    hallBusy += rackBusy; hallUp += rackUpReplicas
                    let gpus = topo.rackGPUs[r].count
                    let die = gpu.dieMax(rackLevel, r)
                    var flags: RackFlags = []
                    if throttled > 0 || die >= slowdownC { flags.insert(.thermal) }
                    if capped > 0 { flags.insert(.powerCapped) }
                    if full { flags.insert(.queueSaturated) }
                    if failed > 0 { flags.insert(.failed) }
                    if faults.siteNetworkLoss[s] > 0 || faults.siteAddedRTTms[s] > 0 { flags.insert(.network) }
                    if shut > 0 { flags.insert(.shutDown) }
                    if physics.rackShed[r] { flags.insert(.shed) }
                    if faults.rackStraggler[r] { flags.insert(.straggler) }
                    racks.hall.append(Int32(h)); racks.gpus.append(UInt16(gpus)); racks.gpusUp.append(UInt16(up))
                    racks.gpusThermalThrottled.append(UInt16(throttled)); racks.inletC.append(Float(physics.inletC[r]))
                    racks.dieCMax.append(die); racks.itPowerKW.append(Float(physics.rackPowerKW[r]))
                    let offset = faults.rackSensorOffsetC[r]
                    let inletReported = physics.inletC[r] + offset, dieReported = die + Float(offset)
                    racks.inletCReported.append(Float(inletReported)); racks.dieCMaxReported.append(dieReported)
                    racks.utilization.append(Float(util)); racks.queueRequests.append(Float(queue))
                    racks.flags.append(flags)
                    hall.gpus += gpus; hall.gpusUp += up
                    hall.gpusPowerCapped += capped; hall.gpusShutDown += shut
                    hall.itPowerKW += physics.rackPowerKW[r]
                    hall.inletCMax = max(hall.inletCMax, physics.inletC[r])
                    hall.queueRequests += queue
                    inletSum += physics.inletC[r]
                    // Readings may be offset below zero, so the first rack seeds the maxima.
                    let firstRack = r == hall.racks.lowerBound
                    hall.inletCMaxReported = firstRack ? inletReported : max(hall.inletCMaxReported, inletReported)
                    hall.dieCMaxReported = firstRack ? Double(dieReported) : max(hall.dieCMaxReported, Double(dieReported))
                    inletReportedSum += inletReported
                }
                hall.inletCMean = hall.racks.isEmpty ? 0 : inletSum / Double(hall.racks.count)
                hall.inletCMeanReported = hall.racks.isEmpty ? 0 : inletReportedSum / Double(hall.racks.count)
                hall.utilization = hallUp > 0 ? hallBusy / hallUp : 0
                site.gpus += hall.gpus; site.gpusUp += hall.gpusUp
                site.gpusPowerCapped += hall.gpusPowerCapped; site.gpusShutDown += hall.gpusShutDown
                site.inletCMax = max(site.inletCMax, hall.inletCMax)
                let firstHall = h == topo.siteHalls[s].lowerBound
                site.inletCMaxReported = firstHall ? hall.inletCMaxReported : max(site.inletCMaxReported, hall.inletCMaxReported)
                site.dieCMaxReported = firstHall ? hall.dieCMaxReported : max(site.dieCMaxReported, hall.dieCMaxReported)
                site.queueRequests += hall.queueRequests
                halls.append(hall)
            }
            site.gpusThermalThrottled = gpu.throttled(siteLevel, s)
            site.dieCMax = max(0, Double(gpu.dieMax(siteLevel, s)))
            site.itPowerKW = itKW[s]; site.facilityPowerKW = facilityKW[s]
            site.gridLimitKW = spec.sites[s].gridLimitKW
            site.activeCapKW = spec.sites[s].gridLimitKW * faults.siteCapShare[s]
            site.governorCapW = governor.capW[s]
            site.racksShed = topo.siteRacks[s].filter { physics.rackShed[$0] }.count
            site.pue = pue[s]
            site.utilization = upReplicas > 0 ? busy / upReplicas : 0
            site.kvUse = served.siteKVCapacity[s] > 0 ? min(1, served.siteKVUsed[s] / served.siteKVCapacity[s]) : 0
            var share = 0.0, demandTotal = 0.0
            for c in 0..<4 { share += router.siteShare[s * 4 + c] * arrivalRate[c]; demandTotal += arrivalRate[c] }
            site.trafficShare = demandTotal > 0 ? share / demandTotal : 0
            site.trafficShareLastMinute = windowShares[s]
            site.pricePerMWh = spec.sites[s].pricePerMWh
            site.costPerHourUSD = facilityKW[s] / 1000 * spec.sites[s].pricePerMWh
                + Double(topo.siteGPUs[s].count) * spec.power.gpuHourUSD
            site.networkLoss = faults.siteNetworkLoss[s]
            totals.gpusUp += site.gpusUp; totals.gpusThermalThrottled += site.gpusThermalThrottled
            totals.gpusPowerCapped += site.gpusPowerCapped; totals.gpusShutDown += site.gpusShutDown
            totals.itPowerKW += site.itPowerKW; totals.facilityPowerKW += site.facilityPowerKW
            totals.gridLimitKW += site.gridLimitKW
            sites.append(site)
        }
        let classes = classStats()
        totals.energyKWh = cost.energyKWh
        totals.costUSD = cost.costUSD
        totals.costPerHourUSD = cost.costPerHour
        totals.energyShareOfCost = cost.costPerHour > 0 ? cost.energyCostPerHour / cost.costPerHour : 0
        totals.outputTokensPerSecond = cost.tokensPerSecond
        totals.usdPerMillionTokens = cost.usdPerMillionTokens
        totals.requestsPerSecond = classes.reduce(0) { $0 + $1.throughputRPS }
        totals.goodputRatio = fleetGoodput()
        totals.pue = totals.itPowerKW > 0 ? totals.facilityPowerKW / totals.itPowerKW : pue.first ?? 1
        var snapshot = Snapshot(tick: tick, simTime: simTime, seed: seed, fleetName: spec.name, clock: clock,
                                totals: totals, sites: sites, halls: halls, racks: racks, classes: classes,
                                agentic: agenticStats(sites: sites, classes: classes), failures: faults.counts,
                                activeFaults: faults.active(), activeSurges: activeSurges(), events: events.events,
                                history: history, invariantViolations: [], tags: topology.tags.names)
        snapshot.status = status(of: snapshot)
        return snapshot
    }

    /// Failed model checks as alerts.
    static func invariantAlerts(_ violations: [String]) -> [FleetAlert] {
        violations.map { FleetAlert(subject: .invariant, kind: .invariant, text: $0, detail: "model check failed", sinceSeconds: nil, critical: true) }
    }

    /// Requests waiting (at replicas or for a retry) and in flight, per class.
    func inSystemAll() -> (waiting: SIMD4<Double>, inFlight: SIMD4<Double>) {
        let b = serving.books
        return (b.waiting + retries.pending, b.inFlight)
    }

    func classStats() -> [ClassStats] {
        let books = serving.books
        let all = inSystemAll()
        let kvByClass = serving.kvByClass, kvCap = serving.kvCapacityUp
        return RequestClass.allCases.map { rc in
            let c = rc.rawValue
            var st = ClassStats(requestClass: rc, slo: spec[rc].slo)
            st.arrived = arrived[c]; st.completed = books.completed[c]
            st.dropped = books.dropped[c] + droppedBeforeSite[c]
            st.waiting = all.waiting[c]; st.inFlight = all.inFlight[c]; st.retried = retried[c]
            st.arrivalRPS = arrivalRate[c]
            let win = recorder.windows[c].summary()
            let span = max(SimClock.servingDt, win.seconds)
            st.throughputRPS = win.completed / span
            st.departuresRPS = win.departed / span
            st.retriesPerSecond = win.retried / span
            st.shedRatio = win.arrivals > 0 ? min(1, win.dropped / win.arrivals) : 0
            st.goodputRatio = Self.goodput(good: win.good, completed: win.completed, dropped: win.dropped,
                                           arrivals: win.arrivals, hasSLO: spec[rc].slo.ttftSeconds != nil || spec[rc].slo.tpotSeconds != nil)
            st.unserved = win.completed == 0 && (win.dropped > 0 || (win.seconds >= 10 && win.arrivals > 0))
            st.meanInSystem = win.inSystemSeconds / span
            st.meanTimeInSystemSeconds = win.departed > 0 ? win.timeInSystemWeighted / win.departed : 0
            st.kvUse = kvCap > 0 ? min(1, kvByClass[c] / kvCap) : 0
            st.ttftHistogram = win.ttft; st.tpotHistogram = win.tpot; st.e2eHistogram = win.e2e
            st.ttft = Self.percentiles(win.ttft); st.tpot = Self.percentiles(win.tpot); st.e2e = Self.percentiles(win.e2e)
            st.sloStatus = sloStatus[c]
            st.run = RunLatency(ttft: Self.percentiles(recorder.runTTFT[c]), tpot: Self.percentiles(recorder.runTPOT[c]),
                                e2e: Self.percentiles(recorder.runE2E[c]))
            return st
        }
    }

    /// Goodput: completions inside both SLOs over everything that left (drops count against it). With
    /// no SLO it is 1; with nothing left yet it is 1, unless requests arrived and none was served.
    static func goodput(good: Double, completed: Double, dropped: Double, arrivals: Double, hasSLO: Bool) -> Double {
        guard hasSLO else { return completed + dropped > 0 && completed == 0 ? 0 : 1 }
        let left = completed + dropped
        if left > 0 { return good / left }
        return arrivals > 0 ? 0 : 1
    }

    static func percentiles(_ h: LatencyHistogram) -> Percentiles {
        Percentiles(p50: h.quantile(0.5), p90: h.quantile(0.9), p95: h.quantile(0.95), p99: h.quantile(0.99))
    }

    func fleetGoodput() -> Double {
        var good = 0.0, left = 0.0, arrivals = 0.0
        for rc in RequestClass.allCases where spec[rc].slo.ttftSeconds != nil || spec[rc].slo.tpotSeconds != nil {
            let win = recorder.windows[rc.rawValue].summary()
            good += win.good; left += win.completed + win.dropped; arrivals += win.arrivals
        }
        return Self.goodput(good: good, completed: left, dropped: 0, arrivals: arrivals, hasSLO: true)
    }

    func agenticStats(sites: [SiteStats], classes: [ClassStats]) -> AgenticStats {
        var a = AgenticStats()
        a.tasksStarted = agentic.tasksStarted + Double(probes.started)
        a.tasksCompleted = agentic.tasksCompleted + Double(probes.completed)
        a.tasksInFlight = agentic.tasksInFlight + Double(probes.inFlight)
        a.callsPerTaskMean = agentic.meanCallsPerTask
        let task = probes.taskHistogram
        a.taskE2E = Self.percentiles(task)
        a.tasksInWindow = task.totalWeight
        a.callP99Seconds = classes[RequestClass.agentic.rawValue].e2e.p99
        a.callsInWindow = classes[RequestClass.agentic.rawValue].e2eHistogram.totalWeight
        a.rttShareOfTaskTime = probes.rttShare
        a.rttPerTaskSeconds = probes.rttPerTask
        let call = classes[RequestClass.agentic.rawValue].e2e
        let tool = spec.agentic.toolMedianSeconds * exp(pow(LognormalQuantiles.sigma(median: spec.agentic.toolMedianSeconds, p99: spec.agentic.toolP99Seconds), 2) / 2)
        a.rttShareBySite = sites.map { s in
            let rtt = s.rttMs / 1000
            let per = max(call.p50, rtt) + tool
            return per > 0 ? rtt / per : 0
        }
        a.probesInFlight = probes.inFlight
        a.taskTailStillFilling = (probes.oldestStart ?? .infinity) < 60
        return a
    }

    func activeSurges() -> [ActiveSurge] {
        surges.map { ActiveSurge(id: $0.id, spec: $0.spec, sinceSeconds: $0.start, untilSeconds: $0.end,
                                 currentFactor: $0.factor(at: simTime)) }
    }

    /// Appends one sample to every history series (called once per physics second).
    func recordHistory() {
        let topo = topology
        history.facilityPowerKW.append(Float(facilityKW.reduce(0, +)))
        history.outputTokensPerSecond.append(Float(cost.tokensThisSecond))
        history.goodputRatio.append(Float(fleetGoodput()))
        history.gpusUp.append(Float(physics.hallUp.reduce(0, +)))
        history.dieCMax.append(hallDieReported.max() ?? 0)
        let all = inSystemAll()
        let kvByClass = serving.kvByClass, kvCap = serving.kvCapacityUp
        for c in 0..<4 {
            // Poisson and bursty classes show their model rate; traces and agent calls what arrived.
            let measured = demand.replaysTrace(c) || c == RequestClass.agentic.rawValue
            arrivalRate[c] = measured ? arrivalsThisSecond[c] : demand.rate(c, at: simTime)
            history.arrivalRPS[c].append(Float(arrivalRate[c]))
            history.queue[c].append(Float(all.waiting[c]))
            history.kvUse[c].append(Float(kvCap > 0 ? min(1, kvByClass[c] / kvCap) : 0))
            let window = recorder.windows[c].summary()
            history.ttftP99[c].append(Float(window.ttft.quantile(0.99)))
            history.tpotP99[c].append(Float(window.tpot.quantile(0.99)))
        }
        arrivalsThisSecond = .zero
        routedWindow.record(cumulative: (0..<topo.siteCount).map { s in
            let b = serving.books(site: s)
            return b.routed.sum()
        })
        history.taskP99.append(Float(probes.taskHistogram.quantile(0.99)))
        for s in 0..<topo.siteCount { sitePowerHistory[s].append(Float(facilityKW[s])) }
        for h in 0..<topo.hallCount {
            hallPowerHistory[h].append(Float(physics.hallPowerKW[h]))
            hallDieHistory[h].append(hallDieReported[h])
        }
    }
}
