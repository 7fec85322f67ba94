import FleetSim
import Testing
@testable import FleetDashboard

@Suite("Number formats")
struct NumberFormatTests {
    @Test func fixedRoundsHalfAwayFromZero() {
        #expect(NumberFormat.fixed(1.25, 1) == "1.3")
        #expect(NumberFormat.fixed(-1.25, 1) == "-1.3")
        #expect(NumberFormat.fixed(0.05, 2) == "0.05")
        #expect(NumberFormat.fixed(7, 0) == "7")
        #expect(NumberFormat.fixed(-0.001, 1) == "0.0")
        #expect(NumberFormat.fixed(.nan, 1) == "–")
    }

    @Test func countsUseSuffixes() {
        #expect(NumberFormat.count(940) == "940")
        #expect(NumberFormat.count(2_100) == "2.1k")
        #expect(NumberFormat.count(12_400) == "12.4k")
        #expect(NumberFormat.count(124_000) == "124k")
        #expect(NumberFormat.count(3_100_000) == "3.1M")
        #expect(NumberFormat.count(2.5) == "2.5")
    }

    @Test func powerSwitchesToMegawatts() {
        #expect(NumberFormat.power(kW: 850) == "850 kW")
        #expect(NumberFormat.power(kW: 9_800) == "9.8 MW")
        #expect(NumberFormat.power(kW: 120_000) == "120 MW")
        #expect(NumberFormat.megawatts(kW: 120_000) == "120")
        #expect(NumberFormat.megawatts(kW: 580, reference: 600) == "0.58")
        #expect(NumberFormat.megawatts(kW: 41_000, reference: 120_000) == "41")
    }

    @Test func durationsPickTheirUnit() {
        #expect(NumberFormat.duration(0.038) == "38 ms")
        #expect(NumberFormat.duration(1.62) == "1.62 s")
        #expect(NumberFormat.duration(41) == "41 s")
        #expect(NumberFormat.duration(192) == "3m12s")
        #expect(NumberFormat.duration(7_500) == "2h05m")
        #expect(ClockText.elapsed(25) == "0:25")
        #expect(NumberFormat.simClock(52_400) == "14:33:20")
        #expect(NumberFormat.simClock(86_400 * 2 + 5) == "2d 00:00:05")
    }

    @Test func dollarsAndShares() {
        #expect(NumberFormat.dollars(0.41) == "$0.41")
        #expect(NumberFormat.dollars(31_000) == "$31k")
        #expect(NumberFormat.dollars(4_200) == "$4.2k")
        #expect(NumberFormat.percent(0.972, decimals: 1) == "97.2%")
        #expect(NumberFormat.pad("7", 3) == "  7")
    }
}
