/// Raw pointers to the serving columns for one tick's hall loop; valid only inside `ServingModel.tick`.
/// State columns are interleaved per replica × class (32 bytes a replica), read as `SIMD4<Double>`.
struct ServingColumns {
    let siteArrivals: UnsafePointer<Double>
    let share: UnsafePointer<Double>
    let decodeSpeed: UnsafePointer<Double>
    let inversePrefillSpeed: UnsafePointer<Double>
    let inverseDecodeSpeed: UnsafePointer<Double>
    let kvCapacity: UnsafePointer<Double>
    let prefillBusy: UnsafeMutablePointer<Double>
    let decodeBusy: UnsafeMutablePointer<Double>
    let waiting: UnsafeMutableRawPointer
    let prefilling: UnsafeMutableRawPointer
    let prefillTokens: UnsafeMutableRawPointer
    let decoding: UnsafeMutableRawPointer
    let hall: HallTickStats.Pointers
}
