import Testing
import FleetSim
@testable import FleetDashboard

/// The config remembers the line of each setting that names a file, for errors about that file.
@Suite("Config setting origins")
struct ConfigOriginTests {
    @Test func themeAndFleetKeepTheirLines() {
        let loaded = FleetConfig.parse("refresh_ms: 250\n\ntheme: nord\nfleet: ./my.yaml\n", file: "c.yaml")
        #expect(!loaded.hasErrors)
        #expect(loaded.config.origins.location(of: "theme") == "c.yaml:3: theme")
        #expect(loaded.config.origins.location(of: "fleet") == "c.yaml:4: fleet")
    }

    @Test("a setting left at its default has no origin, and origins are not part of a config's value")
    func defaultsHaveNoOrigin() {
        let loaded = FleetConfig.parse("refresh_ms: 250\n", file: "c.yaml")
        #expect(loaded.config.origins.location(of: "theme") == nil)
        #expect(FleetConfig.parse("theme: default\n", file: "c.yaml").config == FleetConfig())
    }
}
