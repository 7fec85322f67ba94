import Testing
@testable import FleetSim

/// Single steps of the governor with the numbers worked out by hand (MODEL §6: H100 TDP 700 W, floor
/// 200 W; a 2% margin, so the aim is 98% of the limit and the deadband ±1% around it).
@Suite struct PowerGovernorStepTests {
    /// 1,000 up GPUs at PUE 1.2 under a 1,000 kW limit: aim 980 kW, deadband 970–990 kW.
    static func step(_ g: inout PowerGovernor, site: Int = 0, kw: Double, maxGPUPowerW: Double = 650) -> Int {
        g.step(site: site, facilityKW: kw, limitKW: 1000, pue: 1.2, gpusUp: 1000, maxGPUPowerW: maxGPUPowerW,
               floorW: 200, tdpW: 700, rackKW: 40)
    }

    @Test func firstCapTakesHalfTheExcessPerGPUOffTheHottestDraw() {
        var g = PowerGovernor(sites: 1, margin: 0.02)
        #expect(g.effectiveCap(site: 0, tdpW: 700) == 700)
        // 1,100 kW: 120 kW over the aim is 100 kW of IT power, 100 W a GPU; half of it comes off 650 W.
        _ = Self.step(&g, kw: 1100)
        #expect(abs(g.capW[0]! - 600) < 1e-9)
        #expect(abs(g.effectiveCap(site: 0, tdpW: 700) - 600) < 1e-9)
    }

    @Test func holdsStillInsideTheDeadbandAndClimbsATenthOfTheHeadroomBelowIt() {
        var g = PowerGovernor(sites: 1, margin: 0.02)
        _ = Self.step(&g, kw: 1100)
        for kw in [971.0, 980, 989] {
            _ = Self.step(&g, kw: kw, maxGPUPowerW: 600)
            #expect(abs(g.capW[0]! - 600) < 1e-9, "moved at \(kw) kW")
        }
        // 880 kW: 100 kW under the aim is 83⅓ W a GPU of headroom; a tenth of it is given back.
        _ = Self.step(&g, kw: 880, maxGPUPowerW: 600)
        #expect(abs(g.capW[0]! - (600 + 100.0 / 1.2 / 10)) < 1e-9)
        // Further over the aim: down by half the excess, never below the 200 W floor.
        _ = Self.step(&g, kw: 1100, maxGPUPowerW: 600)
        #expect(abs(g.capW[0]! - (600 + 100.0 / 1.2 / 10 - 50)) < 1e-9)
        _ = Self.step(&g, kw: 5000, maxGPUPowerW: 550)
        #expect(g.capW[0] == 200)
    }

    @Test func aFarExcessStartsAtTheFloorAndShedsWholeRacksForWhatIsLeft() {
        var g = PowerGovernor(sites: 1, margin: 0.02)
        _ = Self.step(&g, kw: 5000)
        #expect(g.capW[0] == 200)
        // Still 1,208 kW at the floor: 228 kW over the aim is 190 kW of IT power, 4¾ racks of 40 kW: five go.
        #expect(Self.step(&g, kw: 1208, maxGPUPowerW: 200) == 5)
        #expect(g.shedCount[0] == 5)
        // Inside the deadband nothing is restored; with more than 1.2 racks of headroom one comes back.
        #expect(Self.step(&g, kw: 975, maxGPUPowerW: 200) == 0)
        #expect(Self.step(&g, kw: 900, maxGPUPowerW: 200) == -1)
        #expect(g.shedCount[0] == 4 && g.capW[0] == 200)
    }

    @Test func sitesAreGovernedIndependently() {
        var g = PowerGovernor(sites: 2, margin: 0.02)
        _ = Self.step(&g, site: 1, kw: 1100)
        #expect(g.capW[0] == nil && abs(g.capW[1]! - 600) < 1e-9)
        _ = Self.step(&g, site: 0, kw: 900)
        #expect(g.capW[0] == nil && abs(g.capW[1]! - 600) < 1e-9 && g.shedCount == [0, 0])
    }
}
