import ArgumentParser
import FleetSim

/// `--speed 10`, `x10`, `×10` or `max`.
struct SpeedArgument: ExpressibleByArgument, Sendable {
    var speed: SimSpeed

    init(_ speed: SimSpeed) { self.speed = speed }

    init?(argument: String) {
        var text = argument.lowercased()
        if text == "max" { speed = .max; return }
        if text.hasPrefix("×") || text.hasPrefix("x") { text.removeFirst() }
        guard let x = Double(text), x > 0, x <= CommandLimits.maxSpeed else { return nil }
        speed = .times(x)
    }

    static var defaultCompletionKind: CompletionKind { .list(["1", "2", "5", "10", "60", "max"]) }
}
