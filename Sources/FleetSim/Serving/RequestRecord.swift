/// A request outside any replica: arriving at a site's router, or waiting out its retry timeout.
/// A plain value, so requests move between sites and the retry pool without heap objects.
public struct RequestRecord: Sendable, Equatable {
    /// When the user sent it (its first attempt), simulated seconds.
    public var arrival: Double
    /// When it reaches a site's router: the arrival, or the end of its retry timeout.
    public var enter: Double
    /// Prompt tokens to prefill.
    public var prompt: Int32
    /// Output tokens to generate.
    public var output: Int32
    /// KV context it holds without prefilling it (an agent call's cached prefix).
    public var cached: Int32
    public var classIndex: UInt8
    /// Attempts that failed so far.
    public var retries: UInt8
    /// The probe session it belongs to, or −1.
    public var probe: Int32
    /// Requests it stands for: 1, or its replica group's size when halls are sampled (MODEL §4).
    public var weight: Float

    public init(arrival: Double, enter: Double, prompt: Int32, output: Int32, cached: Int32 = 0,
                classIndex: UInt8, retries: UInt8 = 0, probe: Int32 = -1, weight: Float = 1) {
        self.arrival = arrival; self.enter = enter; self.prompt = prompt; self.output = output
        self.cached = cached; self.classIndex = classIndex; self.retries = retries; self.probe = probe
        self.weight = weight
    }
}
