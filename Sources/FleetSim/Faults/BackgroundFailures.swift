import Foundation

/// Background failures at the Llama 3 rates (MODEL §8): 4.7 × 10⁻⁴ interruptions per GPU-day, split by
/// cause, each with a lognormal repair time. Draws are keyed by seed and second only.
public struct BackgroundFailures: Sendable {
    let knobs: FailureKnobs
    let rng: CounterRNG

    /// What failed and how it acts on the fleet.
    public enum Cause: String, Sendable {
        case gpu = "faulty GPU", hbm = "HBM", software, network = "network switch", host = "host", other
        /// The fault kind it is counted as.
        public var kind: FaultKind {
            switch self {
            case .gpu, .hbm, .software, .host, .other: .gpu
            case .network: .network
            }
        }
        /// Hardware causes need a part swap (hours); the rest a reboot (minutes).
        public var isHardware: Bool { self == .gpu || self == .hbm || self == .host }
    }

    /// One drawn failure: the GPU it starts from, its cause and repair seconds.
    public struct Draw: Sendable {
        public var gpu: Int
        public var cause: Cause
        public var repairSeconds: Double
    }

    public init(knobs: FailureKnobs, seed: UInt64) {
        self.knobs = knobs
        rng = CounterRNG(seed: seed)
    }

    /// Failures starting in physics second `second` across `gpuCount` GPUs over `dt` seconds.
    public func draws(second: UInt64, gpuCount: Int, dt: Double) -> [Draw] {
        guard knobs.enabled, gpuCount > 0 else { return [] }
        let mean = Double(gpuCount) * knobs.perGPUDay / 86_400 * dt
        let n = rng.poisson(mean, .background, 0, second)
        guard n > 0 else { return [] }
        let causes: [(Cause, Double)] = [(.gpu, knobs.shareGPU), (.hbm, knobs.shareHBM), (.software, knobs.shareSoftware),
                                         (.network, knobs.shareNetwork), (.host, knobs.shareHost), (.other, knobs.shareOther)]
        let total = causes.reduce(0) { $0 + $1.1 }
        return (0..<n).map { i in
            let key = second &* 64 &+ UInt64(i)
            let gpu = min(gpuCount - 1, Int(rng.uniform(.backgroundTarget, key, 0) * Double(gpuCount)))
            var u = rng.uniform(.backgroundKind, key, 0) * total
            var cause = Cause.other
            for (c, share) in causes {
                if u < share { cause = c; break }
                u -= share
            }
            let median = cause.isHardware ? knobs.hardwareMedianSeconds : knobs.rebootMedianSeconds
            let repair = rng.lognormal(median: median, sigma: knobs.repairSigma, .backgroundRepair, key, 0)
            return Draw(gpu: gpu, cause: cause, repairSeconds: repair)
        }
    }
}
