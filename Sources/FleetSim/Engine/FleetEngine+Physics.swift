import Foundation

/// The once-a-second steps: faults, power and thermals, the governor, replica speeds and routing;
/// and the five-second facility step: PUE, SLO checks, window rotation.
extension FleetEngine {
    func physicsStep() {
        let t = simTime, dt = Double(SimClock.ticksPerPhysics) * SimClock.servingDt
        let second = tick / SimClock.ticksPerPhysics
        if tick > 0, faults.hasStopConditions {
            faults.revertStopped(in: measure(), at: t, physics: &physics, events: &events)
        }
        if tick > 0 { recordHistory() }
        for s in surges where (s.end ?? .infinity) <= t { events.close(s.eventID, at: t) }
        surges.removeAll { ($0.end ?? .infinity) <= t }
        updateSurges()
        demand.newSecond(second)
        for d in background.draws(second: second, gpuCount: topology.gpuCount, dt: dt) {
            faults.background(d, at: t, physics: &physics, events: &events)
        }
        faults.advance(to: t, physics: &physics, events: &events)
        // Busy shares of the last second drive power.
        let busy = serving.takeBusyShares(seconds: dt, topology: topology)
        lastBusy = busy
        var caps = [Double](repeating: 0, count: topology.siteCount)
        for s in 0..<topology.siteCount { caps[s] = governor.capW[s] ?? .infinity }
        _ = physics.step(dt: dt, topology: topology, prefillBusy: busy.prefill, decodeBusy: busy.decode, capW: caps,
                         coolingLoss: faults.hallCoolingLoss)
        for s in 0..<topology.siteCount {
            itKW[s] = SliceReductions.sum(physics.rackPowerKW, topology.siteRacks[s])
            facilityKW[s] = itKW[s] * pue[s]
            siteMaxGPUW[s] = Double(SliceReductions.max(physics.powerW, topology.siteGPUs[s]))
        }
        governStep()
        updateReplicaSpeeds()
        routeNow()
        thermalEvents(at: t)
        temperatureAlerts(at: t)
        cost.closeSecond(dt: dt, facilityKW: facilityKW, pricePerMWh: spec.sites.map(\.pricePerMWh),
                         gpus: topology.gpuCount, gpuHourUSD: spec.power.gpuHourUSD)
    }

    func governStep() {
        let t = simTime
        for s in 0..<topology.siteCount {
            let limit = spec.sites[s].gridLimitKW * faults.siteCapShare[s]
            let sku = topology.hallSKU[topology.siteHalls[s].lowerBound].constants
            let racks = topology.siteRacks[s]
            let activeRacks = racks.filter { !physics.rackShed[$0] }.count
            let rackKW = activeRacks > 0 ? itKW[s] / Double(activeRacks) : 0
            var up = 0
            for h in topology.siteHalls[s] { up += physics.hallUp[h] }
            let wasCapping = governor.capW[s] != nil
            let delta = governor.step(site: s, facilityKW: facilityKW[s], limitKW: limit, pue: pue[s], gpusUp: up,
                                      maxGPUPowerW: siteMaxGPUW[s], floorW: sku.floorW, tdpW: sku.tdpW, rackKW: rackKW)
            if delta > 0 {
                var left = delta
                for r in racks.reversed() where left > 0 && !physics.rackShed[r] { physics.setShed(rack: r, true); left -= 1 }
            } else if delta < 0 {
                if let r = racks.first(where: { physics.rackShed[$0] }) { physics.setShed(rack: r, false) }
            }
            let shed = racks.filter { physics.rackShed[$0] }.count
            if shed > 0, alerts.shedding[s] == nil {
                alerts.shedding[s] = events.open(.shedding, .shedding(site: s, name: topology.siteNames[s]), at: t)
            } else if shed == 0, let id = alerts.shedding[s] {
                events.close(id, at: t); alerts.shedding[s] = nil
            }
            let capping = governor.capW[s] != nil
            if capping {
                alerts.capClearSince[s] = nil
                let shown = min(Int(limit), alerts.capLimitKW[s] ?? .max)
                alerts.capLimitKW[s] = shown
                let subject = SimEvent.Subject.powerCap(site: s, name: topology.siteNames[s], limitKW: shown)
                if !wasCapping, alerts.cap[s] == nil {
                    alerts.cap[s] = events.open(.shedding, subject, at: t)
                } else if let id = alerts.cap[s] { events.update(id, subject) }
            } else if let id = alerts.cap[s] {
                let since = alerts.capClearSince[s] ?? t
                alerts.capClearSince[s] = since
                if t - since >= spec.power.capAlertHoldSeconds {
                    events.close(id, at: since); alerts.cap[s] = nil; alerts.capClearSince[s] = nil
                    alerts.capLimitKW[s] = nil
                }
            }
        }
    }

    /// Replica speeds from SKU, thermal clocks, the site GPU cap and stragglers (0 = down); a replica
    /// going down, or a site cut off by a partition, sends its requests to retry.
    func updateReplicaSpeeds() {
        let t = simTime
        let k = spec.power.capSlowdownExponent
        var pre = [Double](repeating: 0, count: topology.replicaCount), dec = pre
        for h in 0..<topology.hallCount {
            let sku = topology.hallSKU[h].constants
            let s = Int(topology.hallSite[h])
            let cap = min(sku.tdpW, governor.capW[s] ?? sku.tdpW)
            let capP = pow(max(0, min(1, (cap - sku.idleW) / (sku.prefillW - sku.idleW))), k)
            let capD = pow(max(0, min(1, (cap - sku.idleW) / (sku.decodeW - sku.idleW))), k)
            for r in topology.hallReplicas[h] {
                let rack = Int(topology.replicaRack[r])
                let first = Int(topology.replicaFirstGPU[r]), tp = Int(topology.replicaTP[r])
                var up = !physics.rackShed[rack]
                var clock: Float = 1
                for g in first..<(first + tp) {
                    if physics.state[g] != .up { up = false }
                    clock = min(clock, physics.clock[g])
                }
                guard up else { continue }
                let slow = max(1, faults.replicaSlowdown[r])
                pre[r] = sku.prefillSpeed * Double(clock) * capP / slow
                dec[r] = sku.decodeSpeed * Double(clock) * capD / slow
            }
        }
        for s in 0..<topology.siteCount {
            let cut = faults.siteNetworkLoss[s] >= 1
            if cut && !sitePartitioned[s] { serving.strand(site: s, at: t) }
            sitePartitioned[s] = cut
        }
        serving.setSpeeds(prefill: pre, decode: dec, topology: topology, at: t)
        collectDepartures(at: t)
    }

    func routeNow() {
        for s in 0..<topology.siteCount { siteRttMs[s] = spec.sites[s].rttMs + faults.siteAddedRTTms[s] }
        // Batch is turned away from a site only once it sheds racks: turning it away as soon as the cap
        // bites drops the site under its limit, frees it, brings batch back and caps it again (a cycle
        // seen at hyperscale); a capped site's slower replicas already make the router send less.
        let blocked = (0..<topology.siteCount).map { governor.shedCount[$0] > 0 }
        router.route(topology: topology, serving: serving, prefillBusy: lastBusy.prefill, rttMs: siteRttMs,
                     pricePerMWh: spec.sites.map(\.pricePerMWh), loss: faults.siteNetworkLoss, batchBlocked: blocked)
    }

    func facilityStep() {
        let t = simTime
        let hour = spec.startHourOfDay + t / 3600
        for s in 0..<topology.siteCount {
            let outside = spec.sites[s].outsideTempMeanC + spec.power.outsideTempSwingC * cos(2 * Double.pi * (hour - 15) / 24)
            pue[s] = spec.sites[s].basePUE + spec.power.pueRisePerDegreeC * max(0, outside - 20)
        }
        if tick > 0 { recorder.rotate() }
        judgeSLOs(at: t)
    }

    func thermalEvents(at t: Double) {
        for h in 0..<topology.hallCount {
            let throttled = physics.hallThrottled[h], shut = physics.hallShutDown[h]
            let path = topology.hallPath(h)
            if throttled > 0, alerts.hallThrottle[h] == nil {
                alerts.hallThrottle[h] = events.open(.throttling, .throttling(hall: h, path: path), at: t)
            } else if throttled == 0, let id = alerts.hallThrottle[h] {
                events.close(id, at: t); alerts.hallThrottle[h] = nil
            }
            if shut > 0, alerts.hallShutdown[h] == nil {
                alerts.hallShutdown[h] = events.open(.shutdown, .shutdown(hall: h, path: path), at: t)
            } else if shut == 0, let id = alerts.hallShutdown[h] {
                events.close(id, at: t); alerts.hallShutdown[h] = nil
            }
        }
    }
}
