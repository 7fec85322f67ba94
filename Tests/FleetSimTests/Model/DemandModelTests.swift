import Foundation
import Testing
@testable import FleetSim

/// λ(t) = λ0 · diurnal(t) · surge(t) · burst (MODEL §3) on the tiny fleet's classes (chat 40/s Poisson,
/// code 10/s Gamma-modulated with a one-second rate CV of 2.2).
@Suite struct DemandModelTests {
    static func model(diurnal: Bool = true, startHour: Double = 14, seed: UInt64 = 7) throws -> DemandModel {
        var spec = FleetSpec.tiny
        spec.diurnal = diurnal
        spec.startHourOfDay = startHour
        return try DemandModel(spec: spec, seed: seed)
    }

    @Test func diurnalSwingsFromAThirdAtNightToOnePointFourAtTheAfternoonPeakWithMeanOne() throws {
        let d = try Self.model()
        #expect(abs(d.diurnal(at: 0) - 1.4) < 1e-12)
        #expect(abs(d.diurnal(at: 12 * 3600) - 0.3) < 1e-12)
        var sum = 0.0
        let samples = 24 * 360
        for i in 0..<samples { sum += d.diurnal(at: Double(i) * 10) }
        // The mean of 0.3 + 1.1·|cos(θ/2)| over a day is 0.3 + 2.2/π ≈ 1.0003.
        #expect(abs(sum / Double(samples) - (0.3 + 2.2 / Double.pi)) < 1e-6)
        for i in 0..<samples {
            let v = d.diurnal(at: Double(i) * 10)
            #expect(v >= 0.3 - 1e-12 && v <= 1.4 + 1e-12)
        }
        // Starting at 02:00 starts at the trough; switched off it is 1 all day.
        #expect(abs(try Self.model(startHour: 2).diurnal(at: 0) - 0.3) < 1e-12)
        #expect(try Self.model(diurnal: false).diurnal(at: 5 * 3600) == 1)
    }

    @Test func rateMultipliesBaseDiurnalSurgeAndBurst() throws {
        var d = try Self.model()
        let chat = RequestClass.chat.rawValue
        #expect(abs(d.rate(chat, at: 12 * 3600) - 40 * 0.3) < 1e-9)
        d.surge[chat] = 3
        #expect(abs(d.rate(chat, at: 0) - 40 * 1.4 * 3) < 1e-9)
        let code = RequestClass.code.rawValue
        d.newSecond(17)
        #expect(abs(d.rate(code, at: 0) - 10 * 1.4 * d.burst[code]) < 1e-9)
    }

    @Test func gammaBurstsHaveMeanOneAndTheConfiguredCV() throws {
        var d = try Self.model()
        let code = RequestClass.code.rawValue, chat = RequestClass.chat.rawValue
        var sum = 0.0, sumSq = 0.0
        let n = 20_000
        for second in 0..<n {
            d.newSecond(UInt64(second))
            let b = d.burst[code]
            #expect(b >= 0)
            sum += b; sumSq += b * b
            #expect(d.burst[chat] == 1)
        }
        let mean = sum / Double(n), cv = (sumSq / Double(n) - mean * mean).squareRoot() / mean
        // Gamma(k = 1/cv², θ = cv²): mean 1, CV 2.2 (standard errors ≈ 1.6% and ≈ 2% at 20,000 draws).
        #expect(abs(mean - 1) < 0.06, "mean \(mean)")
        #expect(abs(cv - 2.2) < 0.2, "cv \(cv)")
    }

    @Test func burstsDependOnlyOnSeedAndSecond() throws {
        var a = try Self.model(), b = try Self.model(), c = try Self.model(seed: 8)
        let code = RequestClass.code.rawValue
        b.newSecond(99); b.newSecond(3)
        a.newSecond(3)
        c.newSecond(3)
        #expect(a.burst[code] == b.burst[code])
        #expect(a.burst[code] != c.burst[code])
    }
}
