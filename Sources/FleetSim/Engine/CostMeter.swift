/// Money, energy and output tokens (MODEL §6): energy integrated from facility power once a second,
/// the cost rate from GPU-hours and energy prices, and tokens per second from what serving produced.
struct CostMeter: Sendable {
    /// Facility energy since start, per site and in all, kWh.
    private(set) var siteEnergyKWh: [Double]
    private(set) var energyKWh = 0.0
    private(set) var costUSD = 0.0
    private(set) var costPerHour = 0.0
    private(set) var energyCostPerHour = 0.0
    /// Output tokens produced in the current second (weighted), and the rate over the last one.
    var tokensThisSecond = 0.0
    private(set) var tokensPerSecond = 0.0

    init(sites: Int) { siteEnergyKWh = [Double](repeating: 0, count: sites) }

    /// Closes a second of `dt` seconds: facility power per site (kW), energy prices ($/MWh), GPUs billed
    /// at `gpuHourUSD`.
    mutating func closeSecond(dt: Double, facilityKW: [Double], pricePerMWh: [Double], gpus: Int, gpuHourUSD: Double) {
        var energyPerHour = 0.0
        for s in 0..<facilityKW.count {
            siteEnergyKWh[s] += facilityKW[s] * dt / 3600
            energyPerHour += facilityKW[s] / 1000 * pricePerMWh[s]
        }
        energyKWh = siteEnergyKWh.reduce(0, +)
        energyCostPerHour = energyPerHour
        costPerHour = energyPerHour + Double(gpus) * gpuHourUSD
        costUSD += costPerHour * dt / 3600
        tokensPerSecond = tokensThisSecond / dt
        tokensThisSecond = 0
    }

    /// US dollars per million output tokens at the current rates (0 with nothing produced).
    var usdPerMillionTokens: Double { tokensPerSecond > 0 ? costPerHour / (tokensPerSecond * 3600) * 1e6 : 0 }
}
