import FleetSim

/// GPU series as NVIDIA's DCGM exporter names them, replica and class series as vLLM names them.
extension FleetExposition {
    static func gpus(_ s: Snapshot, _ d: DeviceColumns, into b: inout MetricSetBuilder) {
        // Labels: DCGM's `gpu` (index on the host), `modelName` and `Hostname`, plus the fleet's place.
        var labels: [String] = []
        if b.layout {
            labels.reserveCapacity(d.gpuRack.count)
            var previousRack = -1, first = 0
            for g in 0..<d.gpuRack.count {
                let r = Int(d.gpuRack[g])
                if r != previousRack { previousRack = r; first = g }
                let i = g - first, h = Int(s.racks.hall[r])
                let site = s.sites[s.halls[h].site].name
                let host = "\(site)-\(hallLabel(s, h))-\(rackLabel(s, r))-s\(i / 8 + 1)"
                let model = "NVIDIA \(d.hallSKU[h].rawValue)"
                labels.append("{gpu=\"\(i % 8)\",modelName=\"\(model)\",Hostname=\"\(MetricFamily.escapeLabelValue(host))\",\(rackPairs(s, r))}")
            }
        }
        func each(_ name: String, _ help: String, _ value: (Int) -> Double) {
            b.family(name, .gauge, help)
            for g in 0..<d.gpuRack.count { b.sample("", labels.isEmpty ? "" : labels[g], value(g)) }
        }
        // DCGM reports whole degrees and milliwatt-resolution power.
        each("DCGM_FI_DEV_GPU_TEMP", "GPU temperature (in C).") { Double(d.dieCReported[$0]).rounded() }
        each("DCGM_FI_DEV_POWER_USAGE", "Power draw (in W).") { (Double(d.powerW[$0]) * 1000).rounded() / 1000 }
        each("DCGM_FI_DEV_GPU_UTIL", "GPU utilization (in %).") { (Double(d.utilization[$0]) * 100).rounded() }
        each("DCGM_FI_DEV_SM_CLOCK", "SM clock frequency (in MHz).") { g in
            let sku = d.hallSKU[Int(s.racks.hall[Int(d.gpuRack[g])])]
            return d.gpuUp[g] ? (Double(d.clock[g]) * maxSMClockMHz(sku)).rounded() : 0
        }
        each("DCGM_FI_DEV_FB_USED", "Framebuffer memory used (in MiB).") { g in
            let sku = d.hallSKU[Int(s.racks.hall[Int(d.gpuRack[g])])]
            return d.gpuUp[g] ? (sku.constants.hbmGB * 1024 * vllmMemoryUtilization).rounded() : 0
        }
    }

    static func replicas(_ s: Snapshot, _ d: DeviceColumns, into b: inout MetricSetBuilder) {
        var labels: [String] = []
        if b.layout {
            labels.reserveCapacity(d.replicaRack.count)
            var previousRack = -1, first = 0
            for p in 0..<d.replicaRack.count {
                let r = Int(d.replicaRack[p])
                if r != previousRack { previousRack = r; first = p }
                labels.append("{model_name=\"\(modelName)\",engine=\"\(p - first)\",\(rackPairs(s, r))}")
            }
        }
        func each(_ name: String, _ help: String, _ value: (Int) -> Double) {
            b.family(name, .gauge, help)
            for p in 0..<d.replicaRack.count { b.sample("", labels.isEmpty ? "" : labels[p], value(p)) }
        }
        each("vllm:num_requests_running", "Number of requests in model execution batches.") { Double(d.running[$0]) }
        each("vllm:num_requests_waiting", "Number of requests waiting to be processed.") { Double(d.waiting[$0]) }
        each("vllm:gpu_cache_usage_perc", "GPU KV-cache usage. 1 means 100 percent usage.") { Double(d.kvUse[$0]) }
    }

    static func serving(_ s: Snapshot, into b: inout MetricSetBuilder) {
        func classLabels(_ c: RequestClass) -> String { "model_name=\"\(modelName)\",class=\"\(c.name)\"" }
        let counters = s.export?.counters ?? ExportCounters()
        let histograms: [(String, String, [BucketHistogram])] = [
            ("vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.", counters.ttft),
            ("vllm:time_per_output_token_seconds", "Histogram of time per output token in seconds.", counters.tpot),
            ("vllm:e2e_request_latency_seconds", "Histogram of end to end request latency in seconds.", counters.e2e),
        ]
        for (name, help, perClass) in histograms {
            b.family(name, .histogram, help, unit: "seconds")
            for c in RequestClass.allCases { b.histogram(perClass[c.rawValue], labels: classLabels(c)) }
        }
        let totals: [(String, String, SIMD4<Double>)] = [
            ("vllm:prompt_tokens", "Number of prefill tokens processed.", counters.promptTokens),
            ("vllm:generation_tokens", "Number of generation tokens processed.", counters.generationTokens),
            ("vllm:request_success", "Count of successfully processed requests.", counters.succeeded),
        ]
        for (name, help, perClass) in totals {
            b.family(name, .counter, help)
            for c in RequestClass.allCases { b.sample("_total", "{\(classLabels(c))}", perClass[c.rawValue]) }
        }
        func each(_ name: String, _ help: String, _ value: (ClassStats) -> Double) {
            b.family(name, .gauge, help)
            for c in RequestClass.allCases { b.sample("", "{class=\"\(c.name)\"}", value(s[c])) }
        }
        each("fleettop_class_requests_running", "Requests of the class in flight fleet-wide.") { $0.inFlight }
        each("fleettop_class_requests_waiting", "Requests of the class waiting fleet-wide (at replicas or for a retry).") { $0.waiting }
        each("fleettop_class_goodput_ratio", "Share of the class's completions meeting both SLOs, last 60 s (drops count against it).") { $0.goodputRatio }
        each("fleettop_class_ttft_p99_seconds", "p99 time to first token of the class over the last 60 s.") { $0.ttft.p99 }
        each("fleettop_class_slo_breached", "1 while the class misses its p99 TTFT or TPOT target (or is not served), else 0.") { $0.sloStatus.isBreached ? 1 : 0 }
    }
}
