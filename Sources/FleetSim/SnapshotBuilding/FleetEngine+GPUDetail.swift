/// Per-GPU figures for the dashboard's GPU table, read from live state for a few racks.
extension FleetEngine {
    /// The GPUs of `racks` (cut to `GPUDetail.limit` GPUs, whole racks).
    public func gpuDetail(racks requested: Range<Int>) -> GPUDetail {
        let topo = topology
        let lower = max(0, min(requested.lowerBound, topo.rackCount))
        var upper = max(lower, min(requested.upperBound, topo.rackCount))
        var gpus = 0
        for r in lower..<upper {
            gpus += topo.rackGPUs[r].count
            if gpus > GPUDetail.limit { upper = max(lower + 1, r); break }
        }
        let racks = lower..<upper
        let first = racks.isEmpty ? 0 : topo.rackGPUs[racks.lowerBound].lowerBound
        var d = GPUDetail(racks: racks, truncated: upper < min(requested.upperBound, topo.rackCount), firstGPU: first)
        let busyPre = lastBusy.prefill, busyDec = lastBusy.decode
        for r in racks {
            let site = Int(topo.rackSite[r])
            let offset = Float(faults.rackSensorOffsetC[r])
            for g in topo.rackGPUs[r] {
                let p = Int(topo.gpuReplica[g])
                let v = serving.replica(p, site: site)
                let up = v.up
                // Utilisation as DCGM reports it: the share of the last second its replica was iterating.
                let busy = p < busyPre.count ? min(1, busyPre[p] + busyDec[p]) : 0
                d.state.append(physics.state[g])
                d.dieCReported.append(physics.dieC[g] + offset)
                d.powerW.append(physics.powerW[g])
                d.clock.append(physics.clock[g])
                d.utilization.append(up ? Float(busy) : 0)
                d.kvUse.append(up && v.kvCapacity > 0 ? Float(min(1, v.kvUsed / v.kvCapacity)) : 0)
                d.replica.append(Int32(p))
                d.replicaInRack.append(Int32(p - topo.rackReplicas[r].lowerBound + 1))
                d.rack.append(Int32(r))
                let by = physics.failedBy[g]
                d.failedByFault.append(by >= 0 ? by : nil)
                d.reason.append(reason(gpu: g, replica: p, rack: r, site: site))
            }
        }
        return d
    }

    private func reason(gpu g: Int, replica p: Int, rack r: Int, site s: Int) -> GPUDetail.Reason {
        switch physics.state[g] {
        case .failed: return .failed
        case .shutDown: return .shutDown
        case .up: break
        }
        if physics.rackShed[r] { return .shed }
        if physics.clock[g] < 1 { return .throttled }
        if governor.capW[s] != nil { return .capped }
        if faults.replicaSlowdown[p] != 1 { return .straggler }
        return .ok
    }
}
