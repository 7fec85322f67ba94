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
        var pb = serving.prefillBusy, db = serving.decodeBusy
        for r in 0..<pb.count { pb[r] /= dt; db[r] /= dt }
        serving.resetBusy()
        var caps = [Double](repeating: 0, count: topology.siteCount)
        for s in 0..<topology.siteCount { caps[s] = governor.capW[s] ?? .infinity }
        _ = physics.step(dt: dt, topology: topology, prefillBusy: pb, decodeBusy: db, capW: caps,
                         coolingLoss: faults.hallCoolingLoss)
        for s in 0..<topology.siteCount {
            itKW[s] = RollUp.sum(physics.rackPowerKW, topology.siteRacks[s])
            facilityKW[s] = itKW[s] * pue[s]
            siteEnergyKWh[s] += facilityKW[s] * dt / 3600
            siteMaxGPUW[s] = Double(RollUp.max(physics.powerW, topology.siteGPUs[s]))
        }
        energyKWh = siteEnergyKWh.reduce(0, +)
        governStep()
        updateReplicaSpeeds()
        routeNow()
        thermalEvents(at: t)
        temperatureAlerts(at: t)
        tokensPerSecond = tokensThisSecond / dt
        tokensThisSecond = 0
        var energyPerHour = 0.0
        for s in 0..<topology.siteCount { energyPerHour += facilityKW[s] / 1000 * spec.sites[s].pricePerMWh }
        energyCostPerHour = energyPerHour
        costPerHour = energyPerHour + Double(topology.gpuCount) * spec.power.gpuHourUSD
        costUSD += costPerHour * dt / 3600
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
            if shed > 0, shedEventID[s] == nil {
                shedEventID[s] = events.open(.shedding, "governor shedding racks at \(topology.siteNames[s])", at: t)
            } else if shed == 0, let id = shedEventID[s] {
                events.close(id, at: t); shedEventID[s] = nil
            }
            let capping = governor.capW[s] != nil
            if capping {
                capClearSince[s] = nil
                let text = "power cap biting at \(topology.siteNames[s]) (limit \(Int(limit)) kW)"
                if !wasCapping, capEventID[s] == nil {
                    capEventID[s] = events.open(.shedding, text, at: t)
                } else if let id = capEventID[s] { events.retext(id, text) }
            } else if let id = capEventID[s] {
                let since = capClearSince[s] ?? t
                capClearSince[s] = since
                if t - since >= spec.power.capAlertHoldSeconds {
                    events.close(id, at: since); capEventID[s] = nil; capClearSince[s] = nil
                }
            }
        }
    }

    /// Replica speeds from SKU, thermal clocks, the site GPU cap and stragglers; down replicas flush
    /// their requests to the retry pool.
    func updateReplicaSpeeds() {
        let k = spec.power.capSlowdownExponent
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
                if up {
                    let slow = faults.replicaSlowdown[r]
                    serving.setSpeeds(replica: r, prefill: sku.prefillSpeed * Double(clock) * capP / slow,
                                      decode: sku.decodeSpeed * Double(clock) * capD / slow)
                } else {
                    serving.setSpeeds(replica: r, prefill: 0, decode: 0)
                    if replicaWasUp[r] {
                        let held = serving.flush(replica: r)
                        let amounts = [held.0, held.1, held.2, held.3]
                        for c in 0..<4 where amounts[c] > 0 {
                            retries.add(amounts[c], class: c)
                            retried[c] += amounts[c]
                            recorder.recordRetries(amounts[c], class: c)
                            serving.recordRetriedOut(site: s, class: c, amount: amounts[c])
                        }
                    }
                }
                replicaWasUp[r] = up
            }
        }
    }

    func routeNow() {
        for s in 0..<topology.siteCount { siteRttMs[s] = spec.sites[s].rttMs + faults.siteAddedRTTms[s] }
        let blocked = (0..<topology.siteCount).map { governor.capW[$0] != nil || governor.shedCount[$0] > 0 }
        router.route(topology: topology, serving: &serving, maxBatch: spec.serving.maxBatch,
                     chunkTokens: spec.serving.prefillChunkTokens,
                     kvTokens: (0..<4).map { kvTokens($0) }, rttMs: siteRttMs,
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
        for c in RequestClass.allCases {
            guard let target = c == .batch ? nil : spec[c].slo.ttftSeconds else { continue }
            let p99 = recorder.windows[c.rawValue].summary().ttft.quantile(0.99)
            let i = c.rawValue
            if p99 > target, sloEvent[i] == nil {
                sloEvent[i] = events.open(.sloBreach, "SLO breach \(c.name) TTFT p99 > \(target.formatted2) s", at: t)
            } else if p99 <= target, let id = sloEvent[i] {
                events.close(id, at: t); sloEvent[i] = nil
            }
        }
    }

    func thermalEvents(at t: Double) {
        for h in 0..<topology.hallCount {
            let throttled = physics.hallThrottled[h], shut = physics.hallShutDown[h]
            let path = topology.hallPath(h)
            if throttled > 0, hallThrottleEvent[h] == nil {
                hallThrottleEvent[h] = events.open(.throttling, "thermal throttling \(path)", at: t)
            } else if throttled == 0, let id = hallThrottleEvent[h] {
                events.close(id, at: t); hallThrottleEvent[h] = nil
            }
            if shut > 0, hallShutdownEvent[h] == nil {
                hallShutdownEvent[h] = events.open(.shutdown, "thermal shutdown \(path)", at: t)
            } else if shut == 0, let id = hallShutdownEvent[h] {
                events.close(id, at: t); hallShutdownEvent[h] = nil
            }
        }
    }
}
