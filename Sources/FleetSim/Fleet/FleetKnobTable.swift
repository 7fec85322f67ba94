/// The fleet file's knob sections: every numeric model knob by its file name, so a file can override
/// any of them (`serving: {max_batch: 128}`).
enum FleetKnobTable {
    static let numbers: [String: [(String, any WritableKeyPath<FleetSpec, Double> & Sendable)]] = [
        "serving": [
            ("prefill_chunk_tokens", \.serving.prefillChunkTokens), ("max_batch", \.serving.maxBatch),
            ("kv_bytes_per_token", \.serving.kvBytesPerToken), ("weights_gb", \.serving.weightsGB),
            ("memory_utilization", \.serving.memoryUtilization), ("mixed_step_factor", \.serving.mixedStepFactor),
            ("retry_timeout_s", \.serving.retryTimeoutSeconds), ("max_waiting_per_replica", \.serving.maxWaitingPerReplica),
        ],
        "power": [
            ("server_idle_overhead_kw", \.power.serverIdleOverheadKW), ("server_full_overhead_kw", \.power.serverFullOverheadKW),
            ("cap_slowdown_exponent", \.power.capSlowdownExponent), ("pue_rise_per_c", \.power.pueRisePerDegreeC),
            ("outside_temp_swing_c", \.power.outsideTempSwingC), ("gpu_hour_usd", \.power.gpuHourUSD),
            ("governor_margin", \.power.governorMargin), ("cap_alert_hold_s", \.power.capAlertHoldSeconds),
            ("governor_confirm_s", \.power.governorConfirmSeconds),
        ],
        "thermal": [
            ("air_supply_c", \.thermal.airSupplyC), ("liquid_supply_c", \.thermal.liquidSupplyC),
            ("air_rack_capacity_kj_per_k", \.thermal.airRackCapacityKJPerK),
            ("liquid_rack_capacity_kj_per_k", \.thermal.liquidRackCapacityKJPerK),
            ("design_rise_k", \.thermal.designRiseK), ("passive_cooling_share", \.thermal.passiveCoolingShare),
            ("air_rth_k_per_w", \.thermal.airRthKPerW), ("liquid_rth_k_per_w", \.thermal.liquidRthKPerW),
            ("die_tau_s", \.thermal.dieTauSeconds), ("slowdown_c", \.thermal.slowdownC),
            ("hard_slowdown_c", \.thermal.hardSlowdownC), ("shutdown_c", \.thermal.shutdownC),
            ("slowdown_clock", \.thermal.slowdownClock), ("hard_slowdown_clock", \.thermal.hardSlowdownClock),
            ("restart_inlet_c", \.thermal.restartInletC), ("hysteresis_k", \.thermal.hysteresisK),
        ],
        "failures": [
            ("per_gpu_day", \.failures.perGPUDay), ("share_gpu", \.failures.shareGPU), ("share_hbm", \.failures.shareHBM),
            ("share_software", \.failures.shareSoftware), ("share_network", \.failures.shareNetwork),
            ("share_host", \.failures.shareHost), ("share_other", \.failures.shareOther),
            ("reboot_median_s", \.failures.rebootMedianSeconds), ("hardware_median_s", \.failures.hardwareMedianSeconds),
            ("repair_sigma", \.failures.repairSigma),
        ],
        "routing": [
            ("rtt_scale_ms", \.routing.rttScaleMs), ("batch_price_exponent", \.routing.batchPriceExponent),
            ("min_free_share", \.routing.minFreeShare), ("backlog_chunks", \.routing.backlogChunks), ("queue_scale", \.routing.queueScale),
            ("smoothing", \.routing.smoothing),
        ],
        "agentic": [
            ("calls_median", \.agentic.callsMedian), ("calls_p90", \.agentic.callsP90),
            ("context_growth_tokens", \.agentic.contextGrowthTokens), ("tool_median_s", \.agentic.toolMedianSeconds),
            ("tool_p99_s", \.agentic.toolP99Seconds), ("tool_timeout_s", \.agentic.toolTimeoutSeconds),
            ("probe_share", \.agentic.probeShare), ("min_probes_per_s", \.agentic.minProbesPerSecond),
            ("surge_chain_exponent", \.agentic.surgeChainExponent),
        ],
    ]
    static let integers: [String: [(String, any WritableKeyPath<FleetSpec, Int> & Sendable)]] = [
        "agentic": [("calls_cap", \.agentic.callsCap), ("max_probes", \.agentic.maxProbes)],
        "serving": [("max_retries", \.serving.maxRetries),
                    ("sampled_replicas_per_hall", \.serving.sampledReplicasPerHall)],
    ]
    /// Words a section accepts for a knob, with their choices.
    static let words: [String: [(String, [String])]] = [
        "serving": [("prefill_mode", PrefillMode.allCases.map(\.rawValue)), ("routing", ReplicaRouting.allCases.map(\.rawValue)),
                    ("kv_reservation", KVReservation.allCases.map(\.rawValue))],
    ]
    /// Step-time curves a section accepts (`serving.step_time.prefill_ms` / `decode_ms`).
    static let curves = ["prefill_ms", "decode_ms"]
    /// Where a knob has a range narrower than any finite number: values outside are refused.
    static let ranges: [String: ClosedRange<Double>] = [
        "serving.prefill_chunk_tokens": 1...1_000_000, "serving.max_batch": 1...65_536,
        "serving.kv_bytes_per_token": 1...1e9, "serving.weights_gb": 0...1e6,
        "serving.memory_utilization": 0.01...1, "serving.mixed_step_factor": 1...100,
        "serving.retry_timeout_s": 0.1...86_400, "serving.max_waiting_per_replica": 0...10_000_000,
        "serving.max_retries": 0...100, "serving.sampled_replicas_per_hall": 0...1_000_000,
        "power.governor_margin": 0...0.5, "power.governor_confirm_s": 0...600, "power.gpu_hour_usd": 0...1e4, "power.cap_slowdown_exponent": 0...10,
        "agentic.calls_median": 1...10_000, "agentic.calls_p90": 1...100_000, "agentic.calls_cap": 1...10_000,
        "agentic.probe_share": 0...1, "agentic.min_probes_per_s": 0...1000, "agentic.max_probes": 0...100_000,
        "agentic.context_growth_tokens": 0...1_000_000, "agentic.surge_chain_exponent": 0...4,
        "routing.smoothing": 0...0.999,
        "agentic.tool_median_s": 0...86_400, "agentic.tool_p99_s": 0...86_400, "agentic.tool_timeout_s": 0.1...86_400,
        "thermal.design_rise_k": 1...100, "thermal.air_supply_c": 0...60, "thermal.liquid_supply_c": 0...60,
        "thermal.slowdown_c": 20...200, "thermal.hard_slowdown_c": 20...200, "thermal.shutdown_c": 20...200,
        "thermal.restart_inlet_c": 0...100, "thermal.hysteresis_k": 0...50, "thermal.passive_cooling_share": 0...1,
        "thermal.slowdown_clock": 0.01...1, "thermal.hard_slowdown_clock": 0.01...1,
        "failures.share_gpu": 0...1, "failures.share_hbm": 0...1, "failures.share_software": 0...1,
        "failures.share_network": 0...1, "failures.share_host": 0...1, "failures.share_other": 0...1,
        "failures.per_gpu_day": 0...1, "routing.min_free_share": 0...1,
    ]
    /// Any other number must lie within this: no knob is negative, none needs more than a million.
    static let defaultRange: ClosedRange<Double> = 0...1e6
    /// Per-class figures (`classes.NAME.FIELD`).
    static let classRanges: [String: ClosedRange<Double>] = [
        "rate_rps": 0...1e6, "input_tokens": 1...1e6, "output_tokens": 1...1e6, "cv": 0...100,
        "ttft_slo_s": 0...86_400, "tpot_slo_s": 0...86_400,
    ]
    /// Site figures (`sites[i].FIELD`).
    static let siteRanges: [String: ClosedRange<Double>] = [
        "rtt_ms": 0...10_000, "price_usd_per_mwh": 0...1e5, "grid_limit_kw": 1...1e9, "pue": 1...5,
        "outside_temp_c": -60...60,
    ]
    /// Hall sizes, so a fleet fits in memory and no size arithmetic overflows.
    static let hallRanges: [String: ClosedRange<Int>] = [
        "racks": 1...100_000, "servers_per_rack": 1...64, "count": 1...10_000,
    ]
    /// The most GPUs one fleet may hold (four times the hyperscale preset): past this the per-GPU
    /// columns would not fit in a workstation's memory.
    public static let maxGPUs = 4_194_304
    static let booleans: [String: [(String, any WritableKeyPath<FleetSpec, Bool> & Sendable)]] = [
        "failures": [("enabled", \.failures.enabled)],
    ]

    /// Every key a section accepts.
    static func keys(_ section: String) -> [String] {
        (numbers[section] ?? []).map(\.0) + (integers[section] ?? []).map(\.0) + (booleans[section] ?? []).map(\.0)
            + (words[section] ?? []).map(\.0) + (section == "serving" ? ["step_time"] : [])
    }
}
