/// The fleet file's knob sections: every numeric model knob by its file name, so a file can override
/// any of them (`serving: {max_batch: 128}`).
enum FleetKnobTable {
    static let numbers: [String: [(String, any WritableKeyPath<FleetSpec, Double> & Sendable)]] = [
        "serving": [
            ("prefill_chunk_tokens", \.serving.prefillChunkTokens), ("max_batch", \.serving.maxBatch),
            ("kv_bytes_per_token", \.serving.kvBytesPerToken), ("weights_gb", \.serving.weightsGB),
            ("memory_utilization", \.serving.memoryUtilization), ("mixed_step_factor", \.serving.mixedStepFactor),
            ("retry_timeout_s", \.serving.retryTimeoutSeconds), ("max_waiting_per_replica", \.serving.maxWaitingPerReplica),
            ("tpot_jitter", \.serving.tpotJitter),
        ],
        "power": [
            ("server_idle_overhead_kw", \.power.serverIdleOverheadKW), ("server_full_overhead_kw", \.power.serverFullOverheadKW),
            ("cap_slowdown_exponent", \.power.capSlowdownExponent), ("pue_rise_per_c", \.power.pueRisePerDegreeC),
            ("outside_temp_swing_c", \.power.outsideTempSwingC), ("gpu_hour_usd", \.power.gpuHourUSD),
            ("governor_margin", \.power.governorMargin), ("cap_alert_hold_s", \.power.capAlertHoldSeconds),
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
    ]
    static let booleans: [String: [(String, any WritableKeyPath<FleetSpec, Bool> & Sendable)]] = [
        "failures": [("enabled", \.failures.enabled)],
    ]

    /// Every key a section accepts.
    static func keys(_ section: String) -> [String] {
        (numbers[section] ?? []).map(\.0) + (integers[section] ?? []).map(\.0) + (booleans[section] ?? []).map(\.0)
    }
}
