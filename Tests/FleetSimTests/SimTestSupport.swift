import Testing
@testable import FleetSim

/// Small fleets and helpers shared by the simulation tests.
enum SimTestSupport {
    /// `tiny` without background failures, so scenarios see only what they inject.
    static func quietTiny() -> FleetSpec {
        var spec = FleetSpec.tiny
        spec.failures.enabled = false
        spec.diurnal = false
        return spec
    }

    /// An engine on `spec` warmed up for `seconds`.
    static func engine(_ spec: FleetSpec = quietTiny(), seed: UInt64 = 7, warm seconds: Double = 60) throws -> FleetEngine {
        let e = try FleetEngine(spec: spec, seed: seed)
        e.advance(seconds: seconds)
        return e
    }

    /// A fleet command (fault, surge or repair) from command-language text; a clock command fails the test.
    static func fleetCommand(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> FleetCommand {
        try #require(try CommandParser.parse(text).fleetCommand, sourceLocation: sourceLocation)
    }

    static func site(_ s: Snapshot, _ name: String) -> SiteStats { s.sites.first { $0.name == name }! }
}
