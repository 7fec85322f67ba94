/// The columns the Prometheus exposition reads, copied from live state on the simulation thread.
extension FleetEngine {
    /// Per-GPU and per-replica columns when the fleet has at most `gpuLimit` GPUs, and the whole-run
    /// serving counters. One pass over the GPUs and replicas (none when over the limit).
    public func exportColumns(gpuLimit: Int) -> ExportColumns {
        let topo = topology
        guard topo.gpuCount <= gpuLimit else {
            return ExportColumns(gpuLimit: gpuLimit, devices: nil, counters: recorder.export)
        }
        var d = DeviceColumns(gpuRack: topo.gpuRack, replicaRack: topo.replicaRack, hallSKU: topo.hallSKU)
        let replicas = topo.replicaCount
        d.running.reserveCapacity(replicas); d.waiting.reserveCapacity(replicas)
        d.kvUse.reserveCapacity(replicas); d.replicaUp.reserveCapacity(replicas)
        var busy = [Float](repeating: 0, count: replicas)
        let busyPre = lastBusy.prefill, busyDec = lastBusy.decode
        for p in 0..<replicas {
            let v = serving.replica(p, site: Int(topo.replicaSite[p]))
            d.replicaUp.append(v.up)
            d.running.append(v.up ? Float(v.admitted) : 0)
            d.waiting.append(Float(v.waiting))
            d.kvUse.append(v.up && v.kvCapacity > 0 ? Float(min(1, v.kvUsed / v.kvCapacity)) : 0)
            // Utilisation as DCGM reports it: the share of the last second the replica was iterating.
            if v.up, p < busyPre.count { busy[p] = Float(min(1, busyPre[p] + busyDec[p])) }
        }
        let gpus = topo.gpuCount
        d.gpuUp.reserveCapacity(gpus); d.dieCReported.reserveCapacity(gpus); d.powerW.reserveCapacity(gpus)
        d.clock.reserveCapacity(gpus); d.utilization.reserveCapacity(gpus)
        for g in 0..<gpus {
            let r = Int(topo.gpuRack[g])
            d.gpuUp.append(physics.state[g] == .up && !physics.rackShed[r])
            d.dieCReported.append(physics.dieC[g] + Float(faults.rackSensorOffsetC[r]))
            d.powerW.append(physics.powerW[g])
            d.clock.append(physics.clock[g])
            d.utilization.append(busy[Int(topo.gpuReplica[g])])
        }
        return ExportColumns(gpuLimit: gpuLimit, devices: d, counters: recorder.export)
    }
}
