import FleetSim

/// The fleet as Prometheus sees it (README "Metrics"): GPUs as NVIDIA's DCGM exporter names them,
/// serving as vLLM names it, the facility under `fleettop_`. GPU and replica series one by one while
/// the snapshot carries `export.devices` (fleets up to the GPU limit), rack series otherwise.
public enum FleetExposition {
    /// vLLM's default `--gpu-memory-utilization`: the share of HBM a vLLM server allocates at start
    /// (weights plus KV cache pool), which is what DCGM's FB_USED shows while it runs.
    public static let vllmMemoryUtilization = 0.9
    /// The `model_name` label of the vLLM series.
    public static let modelName = "fleettop"

    /// Maximum SM clock per GPU model, MHz (NVIDIA data sheets: H100 SXM and H200 SXM 1,980 MHz boost;
    /// B200 1,965 MHz as DGX B200 `nvidia-smi -q` reports it).
    public static func maxSMClockMHz(_ sku: GPUSKU) -> Double {
        switch sku {
        case .h100, .h200: 1980
        case .b200: 1965
        }
    }

    /// Every family with its label sets and values.
    public static func metricSet(_ s: Snapshot) -> MetricSet { build(s, layout: true).set }

    /// Only the values, in the order `metricSet` lays them out (for a layout already built).
    public static func values(_ s: Snapshot, capacity: Int = 0) -> [Double] { build(s, layout: false, capacity: capacity).set.values }

    static func build(_ s: Snapshot, layout: Bool, capacity: Int = 0) -> MetricSetBuilder {
        var b = MetricSetBuilder(layout: layout, capacity: capacity)
        FleetExposition.fleet(s, into: &b)
        FleetExposition.sites(s, into: &b)
        FleetExposition.halls(s, into: &b)
        if let d = s.export?.devices {
            FleetExposition.gpus(s, d, into: &b)
            FleetExposition.replicas(s, d, into: &b)
        } else {
            FleetExposition.racks(s, into: &b)
        }
        FleetExposition.serving(s, into: &b)
        return b
    }

    static func hallLabel(_ s: Snapshot, _ h: Int) -> String { "h\(s.halls[h].number)" }

    static func rackLabel(_ s: Snapshot, _ r: Int) -> String {
        let h = Int(s.racks.hall[r])
        let n = r - s.halls[h].racks.lowerBound + 1
        return "r\(n < 10 ? "0" : "")\(n)"
    }

    /// `site="…",hall="…",rack="…"` for a rack (no braces).
    static func rackPairs(_ s: Snapshot, _ r: Int) -> String {
        let h = Int(s.racks.hall[r])
        return "site=\"\(MetricFamily.escapeLabelValue(s.sites[s.halls[h].site].name))\",hall=\"\(hallLabel(s, h))\",rack=\"\(rackLabel(s, r))\""
    }

    static func fleet(_ s: Snapshot, into b: inout MetricSetBuilder) {
        b.family("fleettop_info", .gauge, "The simulated fleet: always 1, labelled with its name and seed.")
        b.sample("", MetricFamily.labels(["fleet": s.fleetName, "seed": String(s.seed)]), 1)
        b.family("fleettop_sim_time_seconds", .gauge, "Simulated seconds since the run started.", unit: "seconds")
        b.sample("", "", s.simTime)
        b.family("fleettop_active_faults", .gauge, "Faults in force now, background and injected, by kind.")
        for kind in FaultKind.allCases {
            b.sample("", MetricFamily.labels(["kind": kind.rawValue]), Double(s.activeFaults.filter { $0.kind == kind }.count))
        }
        b.family("fleettop_failures", .counter, "Failure events since the run started, background and injected, by kind.")
        let f = s.failures
        for (kind, n) in [("gpu", f.gpu), ("rack", f.rack), ("cooling", f.cooling), ("power", f.power),
                          ("network", f.network), ("straggler", f.straggler), ("sensor", f.sensor)] {
            b.sample("_total", MetricFamily.labels(["kind": kind]), Double(n))
        }
        b.family("fleettop_goodput_ratio", .gauge, "Completions meeting both TTFT and TPOT targets over completions and drops, last 60 s, classes with SLOs.")
        b.sample("", "", s.totals.goodputRatio)
        b.family("fleettop_cost_dollars", .counter, "US dollars spent since the run started (energy and GPU-hours).")
        b.sample("_total", "", s.totals.costUSD)
        b.family("fleettop_cost_rate_dollars_per_hour", .gauge, "US dollars per hour at the current rates.")
        b.sample("", "", s.totals.costPerHourUSD)
        b.family("fleettop_energy_joules", .counter, "Facility energy used since the run started.", unit: "joules")
        b.sample("_total", "", s.totals.energyKWh * 3.6e6)
        b.family("fleettop_pue_ratio", .gauge, "Facility over IT power, fleet-wide.")
        b.sample("", "", s.totals.pue)
    }

    static func sites(_ s: Snapshot, into b: inout MetricSetBuilder) {
        func each(_ name: String, _ help: String, unit: String = "", _ value: (SiteStats) -> Double) {
            b.family(name, .gauge, help, unit: unit)
            for site in s.sites { b.sample("", MetricFamily.labels(["site": site.name]), value(site)) }
        }
        each("fleettop_site_facility_power_watts", "Facility power of the site (IT power × PUE).", unit: "watts") { $0.facilityPowerKW * 1000 }
        each("fleettop_site_it_power_watts", "IT power of the site (GPUs and servers).", unit: "watts") { $0.itPowerKW * 1000 }
        each("fleettop_site_grid_limit_watts", "The site's normal grid connection limit.", unit: "watts") { $0.gridLimitKW * 1000 }
        each("fleettop_site_active_cap_watts", "The power limit in force now (grid limit lowered by a power-cap fault or demand response).", unit: "watts") { $0.activeCapKW * 1000 }
        each("fleettop_site_pue_ratio", "Power usage effectiveness of the site.") { $0.pue }
        each("fleettop_site_inlet_temp_max_celsius", "Hottest rack inlet of the site as the sensors report it.", unit: "celsius") { $0.inletCMaxReported }
        each("fleettop_site_gpus_up", "GPUs up and serving at the site.") { Double($0.gpusUp) }
        each("fleettop_site_racks_shed", "Racks shed by the site's power governor.") { Double($0.racksShed) }
        each("fleettop_site_network_loss_ratio", "Share of the site's traffic lost to a network fault (1 = partitioned).") { $0.networkLoss }
        each("fleettop_site_rtt_seconds", "Round trip from the site's users, including any added network latency.", unit: "seconds") { $0.rttMs / 1000 }
        each("fleettop_site_cost_rate_dollars_per_hour", "US dollars per hour the site costs at the current rates.") { $0.costPerHourUSD }
    }

    static func halls(_ s: Snapshot, into b: inout MetricSetBuilder) {
        func each(_ name: String, _ help: String, unit: String = "", _ value: (HallStats) -> Double) {
            b.family(name, .gauge, help, unit: unit)
            for (h, hall) in s.halls.enumerated() {
                b.sample("", MetricFamily.labels(["site": s.sites[hall.site].name, "hall": hallLabel(s, h),
                                                  "cooling": hall.cooling.rawValue]), value(hall))
            }
        }
        each("fleettop_hall_inlet_temp_celsius", "Mean rack inlet of the hall as the sensors report it.", unit: "celsius") { $0.inletCMeanReported }
        each("fleettop_hall_inlet_temp_max_celsius", "Hottest rack inlet of the hall as the sensors report it.", unit: "celsius") { $0.inletCMaxReported }
        each("fleettop_hall_gpu_temp_max_celsius", "Hottest GPU die of the hall as the sensors report it.", unit: "celsius") { $0.dieCMaxReported }
        each("fleettop_hall_cooling_capacity_ratio", "Share of the hall's cooling capacity available now (1 − the loss a cooling fault causes).") { 1 - $0.coolingLoss }
        each("fleettop_hall_it_power_watts", "IT power of the hall.", unit: "watts") { $0.itPowerKW * 1000 }
        each("fleettop_hall_gpus", "GPUs installed in the hall.") { Double($0.gpus) }
        each("fleettop_hall_gpus_up", "GPUs up and serving in the hall.") { Double($0.gpusUp) }
        each("fleettop_hall_gpus_thermal_throttled", "GPUs of the hall slowed by temperature.") { Double($0.gpusThermalThrottled) }
        each("fleettop_hall_gpus_power_capped", "GPUs of the hall slowed by a power cap.") { Double($0.gpusPowerCapped) }
        each("fleettop_hall_gpus_shut_down", "GPUs of the hall down after a thermal shutdown.") { Double($0.gpusShutDown) }
        each("fleettop_hall_utilization_ratio", "Mean busy share of the hall's up replicas.") { $0.utilization }
        each("fleettop_hall_requests_waiting", "Requests waiting at the hall's replicas.") { $0.queueRequests }
    }

    static func racks(_ s: Snapshot, into b: inout MetricSetBuilder) {
        let t = s.racks
        func each(_ name: String, _ help: String, unit: String = "", _ value: (Int) -> Double) {
            b.family(name, .gauge, help, unit: unit)
            for r in 0..<t.count { b.sample("", "{\(rackPairs(s, r))}", value(r)) }
        }
        each("fleettop_rack_gpu_temp_max_celsius", "Hottest GPU die of the rack as the sensors report it (in place of DCGM_FI_DEV_GPU_TEMP above the GPU limit).", unit: "celsius") { Double(t.dieCMaxReported[$0]) }
        each("fleettop_rack_power_watts", "IT power of the rack (in place of DCGM_FI_DEV_POWER_USAGE above the GPU limit).", unit: "watts") { Double(t.itPowerKW[$0]) * 1000 }
        each("fleettop_rack_utilization_ratio", "Mean busy share of the rack's up replicas (in place of DCGM_FI_DEV_GPU_UTIL above the GPU limit).") { Double(t.utilization[$0]) }
        each("fleettop_rack_gpus_up", "GPUs of the rack up and serving.") { Double(t.gpusUp[$0]) }
    }
}
