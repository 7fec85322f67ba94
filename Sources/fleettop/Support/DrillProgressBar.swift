import FleetSim
import Foundation

/// A one-line progress bar on standard error: simulated time, the next step, checks holding or failing.
final class DrillProgressBar {
    let name: String
    private var lastDrawn = ContinuousClock.now - .seconds(1)

    init(name: String) { self.name = name }

    func show(_ p: DrillProgress) {
        let now = ContinuousClock.now
        guard p.finished || now - lastDrawn >= .milliseconds(100) else { return }
        lastDrawn = now
        let width = 24
        let filled = Int((p.fraction * Double(width)).rounded())
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        var line = "\(TextSanitizer.clean(name)) [\(bar)] \(ClockText.elapsed(p.simSeconds))/\(ClockText.elapsed(p.durationSeconds))"
        line += "  step \(p.stepsApplied)/\(p.stepCount)"
        if let next = p.nextStep, let at = p.nextStepAtSeconds { line += " next \(ClockText.elapsed(at)) \(TextSanitizer.clean(next))" }
        line += "  checks ✔\(p.checksPassing) ✘\(p.checksFailing)"
        let columns = 118
        if line.count > columns { line = String(line.prefix(columns - 1)) + "…" }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
    }

    func finish() { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
}
