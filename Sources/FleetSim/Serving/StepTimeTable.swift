/// Iteration times of one H100-equivalent replica, from the fleet file's step-time curves (MODEL §4),
/// tabulated densely over the range an iteration usually spans so a lookup is one load; beyond it the
/// curve is evaluated directly.
struct StepTimeTable: Sendable {
    /// Prefill seconds by tokens in the iteration, 0...`prefill.count − 1`.
    let prefill: [Double]
    /// Decode seconds by sequences in the batch, 0...`decode.count − 1`.
    let decode: [Double]
    let prefillCurve: StepTimeCurve
    let decodeCurve: StepTimeCurve
    let mixFactor: Double

    init(knobs: ServingKnobs) {
        prefillCurve = knobs.prefillStep
        decodeCurve = knobs.decodeStep
        mixFactor = knobs.mixedStepFactor
        let batch = Int(min(65_536, max(1, knobs.maxBatch)))
        let tokens = Int(min(65_536, max(1, knobs.prefillChunkTokens))) + batch
        prefill = (0...tokens).map { knobs.prefillStep.milliseconds(at: Double($0)) / 1000 }
        decode = (0...batch).map { knobs.decodeStep.milliseconds(at: Double($0)) / 1000 }
    }

    @inline(__always)
    func prefillSeconds(_ tokens: Int) -> Double {
        tokens < prefill.count ? prefill[tokens] : prefillCurve.milliseconds(at: Double(tokens)) / 1000
    }

    @inline(__always)
    func decodeSeconds(_ sequences: Int) -> Double {
        sequences < decode.count ? decode[sequences] : decodeCurve.milliseconds(at: Double(sequences)) / 1000
    }

    /// One iteration of `prefillTokens` prompt tokens and `decoders` decoding sequences at the given
    /// speeds (1 = an unthrottled H100 replica): prefill time of all its tokens when it carries a prompt,
    /// decode time when it does not, the larger of the two × the mix factor when it carries both.
    @inline(__always)
    func seconds(prefillTokens p: Int, decoders d: Int, prefillSpeed ps: Double, decodeSpeed ds: Double) -> Double {
        let dec = d > 0 ? decodeSeconds(d) / ds : 0
        guard p > 0 else { return dec }
        let pre = prefillSeconds(p + d) / ps
        return d > 0 ? max(pre, dec) * mixFactor : pre
    }
}
