/// The tables of metric fields behind `MetricPath`: what can be measured at each level of a snapshot.
public enum MetricCatalog {
    /// Top-level shorthands: `goodput`, `gpus_down`, `gpus_down_ratio`, `alerts`, `slo_breaches`.
    public static let shorthand: [MetricField<Snapshot>] = [
        MetricField("goodput", .ratio, "completions meeting both TTFT and TPOT targets, last 60 s, all classes with SLOs") {
            $0.totals.goodputRatio
        },
        MetricField("gpus_down", .count, "GPUs not serving (failed, shut down or shed)") { Double($0.totals.gpus - $0.totals.gpusUp) },
        MetricField("gpus_down_ratio", .ratio, "share of the fleet's GPUs not serving") {
            $0.totals.gpus > 0 ? Double($0.totals.gpus - $0.totals.gpusUp) / Double($0.totals.gpus) : 0
        },
        MetricField("alerts", .count, "open alerts, as the header counts them") { Double($0.status.alerts.count) },
        MetricField("slo_breaches", .count, "SLO targets breached now (a class unserved counts once)") {
            Double($0.status.slo.reduce(0) { $0 + $1.breaches.count })
        },
    ]

    /// `fleet.*`: whole-fleet totals.
    public static let fleet: [MetricField<FleetTotals>] = [
        MetricField("gpus", .count, "GPUs in the fleet") { Double($0.gpus) },
        MetricField("gpus_up", .count, "GPUs serving") { Double($0.gpusUp) },
        MetricField("gpus_thermal_throttled", .count, "GPUs slowed by temperature") { Double($0.gpusThermalThrottled) },
        MetricField("gpus_power_capped", .count, "GPUs slowed by a power cap") { Double($0.gpusPowerCapped) },
        MetricField("gpus_shut_down", .count, "GPUs down after a thermal shutdown") { Double($0.gpusShutDown) },
        MetricField("it_power_kw", .kilowatts, "IT power (GPUs and servers)") { $0.itPowerKW },
        MetricField("facility_power_kw", .kilowatts, "facility power (IT × PUE)") { $0.facilityPowerKW },
        MetricField("grid_limit_kw", .kilowatts, "sum of the sites' grid limits") { $0.gridLimitKW },
        MetricField("pue", .plain, "facility over IT power") { $0.pue },
        MetricField("energy_kwh", .kilowattHours, "energy since start") { $0.energyKWh },
        MetricField("cost_usd", .usd, "cost since start (GPU-hours and energy)") { $0.costUSD },
        MetricField("cost_per_hour_usd", .usdPerHour, "cost rate now") { $0.costPerHourUSD },
        MetricField("energy_share_of_cost", .ratio, "share of cost that is energy") { $0.energyShareOfCost },
        MetricField("usd_per_million_tokens", .usd, "cost per million output tokens") { $0.usdPerMillionTokens },
        MetricField("output_tokens_per_s", .perSecond, "output tokens per second") { $0.outputTokensPerSecond },
        MetricField("requests_per_s", .perSecond, "requests per second, all classes") { $0.requestsPerSecond },
        MetricField("goodput", .ratio, "completions meeting both SLOs, last 60 s") { $0.goodputRatio },
    ]

    /// `<class>.*`: one request class (chat, code, agentic, batch).
    public static let requestClass: [MetricField<ClassStats>] =
        MetricField.percentiles("ttft", "time to first token, last 60 s") { $0.ttftHistogram.totalWeight > 0 ? $0.ttft : nil }
        + MetricField.percentiles("tpot", "time per output token, last 60 s") { $0.tpotHistogram.totalWeight > 0 ? $0.tpot : nil }
        + MetricField.percentiles("e2e", "request end to end, last 60 s") { $0.e2eHistogram.totalWeight > 0 ? $0.e2e : nil }
        + [
            MetricField("goodput", .ratio, "completions meeting both SLOs, last 60 s") { $0.goodputRatio },
            MetricField("arrival_rps", .perSecond, "arrivals per second now") { $0.arrivalRPS },
            MetricField("throughput_rps", .perSecond, "completions per second") { $0.throughputRPS },
            MetricField("retries_per_s", .perSecond, "retries per second") { $0.retriesPerSecond },
            MetricField("shed_ratio", .ratio, "share of arrivals shed or dropped, last 60 s") { $0.shedRatio },
            MetricField("waiting", .count, "requests waiting") { $0.waiting },
            MetricField("in_flight", .count, "requests being served") { $0.inFlight },
            MetricField("arrived", .count, "requests arrived since start") { $0.arrived },
            MetricField("completed", .count, "requests completed since start") { $0.completed },
            MetricField("dropped", .count, "requests dropped since start") { $0.dropped },
            MetricField("retried", .count, "retries since start") { $0.retried },
            MetricField("kv_use", .ratio, "KV cache held over fleet KV capacity") { $0.kvUse },
            MetricField("mean_time_in_system_s", .seconds, "mean time in system") { $0.meanTimeInSystemSeconds },
        ]

    /// `agentic.*` beyond the class fields: whole tasks.
    public static let agentic: [MetricField<AgenticStats>] =
        MetricField.percentiles("task_e2e", "whole agentic task, probe sessions, last 10 min") { $0.tasksInWindow > 0 ? $0.taskE2E : nil }
        + [
            MetricField("tasks_in_flight", .count, "agentic tasks in flight") { $0.tasksInFlight },
            MetricField("tasks_started", .count, "agentic tasks started since start") { $0.tasksStarted },
            MetricField("tasks_completed", .count, "agentic tasks completed since start") { $0.tasksCompleted },
            MetricField("calls_per_task", .plain, "mean LLM calls per task") { $0.callsPerTaskMean },
            MetricField("call_p99", .seconds, "p99 of a single agent call, end to end") { $0.callsInWindow > 0 ? $0.callP99Seconds : nil },
            MetricField("rtt_share", .ratio, "share of task time spent on network round trips") { $0.rttShareOfTaskTime },
            MetricField("rtt_per_task", .seconds, "round trips one task pays: its calls × their RTT") { $0.rttPerTaskSeconds },
        ]

    /// `sites.<name>.*`: one site.
    public static let site: [MetricField<SiteStats>] = [
        MetricField("facility_power_kw", .kilowatts, "facility power") { $0.facilityPowerKW },
        MetricField("it_power_kw", .kilowatts, "IT power") { $0.itPowerKW },
        MetricField("grid_limit_kw", .kilowatts, "grid connection's normal limit") { $0.gridLimitKW },
        MetricField("active_cap_kw", .kilowatts, "power limit in force now") { $0.activeCapKW },
        MetricField("power_headroom_kw", .kilowatts, "limit in force minus facility power") { $0.activeCapKW - $0.facilityPowerKW },
        MetricField("governor_cap_w", .watts, "per-GPU cap the governor applies (absent when not capping)") { $0.governorCapW },
        MetricField("racks_shed", .count, "racks shed by the governor") { Double($0.racksShed) },
        MetricField("pue", .plain, "facility over IT power") { $0.pue },
        MetricField("gpus", .count, "GPUs at the site") { Double($0.gpus) },
        MetricField("gpus_up", .count, "GPUs serving") { Double($0.gpusUp) },
        MetricField("gpus_down_ratio", .ratio, "share of the site's GPUs not serving") {
            $0.gpus > 0 ? Double($0.gpus - $0.gpusUp) / Double($0.gpus) : 0
        },
        MetricField("gpus_thermal_throttled", .count, "GPUs slowed by temperature") { Double($0.gpusThermalThrottled) },
        MetricField("gpus_power_capped", .count, "GPUs slowed by a power cap") { Double($0.gpusPowerCapped) },
        MetricField("gpus_shut_down", .count, "GPUs down after a thermal shutdown") { Double($0.gpusShutDown) },
        MetricField("inlet_c_max", .celsius, "hottest rack inlet") { $0.inletCMax },
        MetricField("die_c_max", .celsius, "hottest GPU die") { $0.dieCMax },
        MetricField("inlet_c_max_reported", .celsius, "hottest rack inlet as the sensors read it") { $0.inletCMaxReported },
        MetricField("die_c_max_reported", .celsius, "hottest GPU die as the sensors read it") { $0.dieCMaxReported },
        MetricField("utilization", .ratio, "mean busy share of up GPUs") { $0.utilization },
        MetricField("queue_requests", .count, "requests waiting at the site") { $0.queueRequests },
        MetricField("kv_use", .ratio, "KV cache in use over capacity") { $0.kvUse },
        MetricField("traffic_share", .ratio, "share of the fleet's routed demand served here now") { $0.trafficShare },
        MetricField("traffic_share_60s", .ratio, "share of the requests routed in the last 60 s served here") { $0.trafficShareLastMinute },
        MetricField("rtt_ms", .milliseconds, "round trip from its users, with network faults") { $0.rttMs },
        MetricField("network_loss", .ratio, "traffic lost to a network fault (1 = partitioned)") { $0.networkLoss },
        MetricField("cost_per_hour_usd", .usdPerHour, "cost rate now") { $0.costPerHourUSD },
    ]

    /// `sites.<name>.h<N>.*`: one hall.
    public static let hall: [MetricField<HallStats>] = [
        MetricField("it_power_kw", .kilowatts, "IT power") { $0.itPowerKW },
        MetricField("inlet_c_mean", .celsius, "mean rack inlet") { $0.inletCMean },
        MetricField("inlet_c_max", .celsius, "hottest rack inlet") { $0.inletCMax },
        MetricField("die_c_max", .celsius, "hottest GPU die") { $0.dieCMax },
        MetricField("inlet_c_max_reported", .celsius, "hottest rack inlet as the sensors read it") { $0.inletCMaxReported },
        MetricField("die_c_max_reported", .celsius, "hottest GPU die as the sensors read it") { $0.dieCMaxReported },
        MetricField("gpus_up", .count, "GPUs serving") { Double($0.gpusUp) },
        MetricField("gpus_thermal_throttled", .count, "GPUs slowed by temperature") { Double($0.gpusThermalThrottled) },
        MetricField("gpus_shut_down", .count, "GPUs down after a thermal shutdown") { Double($0.gpusShutDown) },
        MetricField("utilization", .ratio, "mean busy share of up GPUs") { $0.utilization },
        MetricField("queue_requests", .count, "requests waiting") { $0.queueRequests },
        MetricField("cooling_loss", .ratio, "share of the hall's cooling lost to a fault") { $0.coolingLoss },
    ]

    /// `failures.<kind>`: failure events since start, background and injected.
    public static let failures: [MetricField<FailureCounts>] = [
        MetricField("gpu", .count, "GPU failures since start") { Double($0.gpu) },
        MetricField("rack", .count, "rack failures since start") { Double($0.rack) },
        MetricField("cooling", .count, "cooling faults since start") { Double($0.cooling) },
        MetricField("power", .count, "power faults since start") { Double($0.power) },
        MetricField("network", .count, "network faults since start") { Double($0.network) },
        MetricField("straggler", .count, "straggler faults since start") { Double($0.straggler) },
        MetricField("sensor", .count, "thermal sensor faults since start") { Double($0.sensor) },
    ]
}
