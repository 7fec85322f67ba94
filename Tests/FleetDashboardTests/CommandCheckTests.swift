import Testing
import FleetSim
@testable import FleetDashboard

/// Injections are checked against the fleet before the confirm dialog: the dialog states the scope
/// in numbers, and a command the fleet refuses stays in the palette or wizard with the reason inline.
@Suite("Commands checked against the fleet")
struct CommandCheckTests {
    func app() -> DashboardApp {
        let a = DashboardApp(themes: [SnapshotFixture.theme])
        a.topology = Topology(spec: FleetSpec.demo)
        _ = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        return a
    }

    func type(_ a: DashboardApp, _ text: String) {
        _ = a.handle(.key(.character(":")))
        for c in text { _ = a.handle(.key(.character(c))) }
        _ = a.handle(.key(.enter))
    }

    @Test("the palette's confirm dialog names the scope: 512 GPUs (12.5% of the fleet), 64 replicas")
    func scopeInTheDialog() {
        let a = app()
        type(a, "fault rack site=metro-edge")
        guard case .confirm(let d) = a.state.modal else { Issue.record("no dialog"); return }
        #expect(d.lines[1] == "takes down 32 racks: 512 GPUs (12.5% of the fleet), 64 replicas")
    }

    @Test("a GPU fault says it hits one GPU of many; a straggler one replica")
    func oneOfMany() {
        let a = app()
        type(a, "fault gpu site=metro-edge count=1")
        guard case .confirm(let d) = a.state.modal else { Issue.record("no dialog"); return }
        #expect(d.lines[1] == "takes down 1 GPU of 512 (0.02% of the fleet), 1 replica")
        _ = a.handle(.key(.escape))
        type(a, "fault straggler site=remote-campus hall=1 magnitude=5")
        guard case .confirm(let s) = a.state.modal else { Issue.record("no dialog"); return }
        #expect(s.lines[1].hasPrefix("slows 1 replica of "))
        #expect(s.lines[1].hasSuffix(": 8 GPUs (0.2% of the fleet)"))
    }

    @Test("the palette keeps a refused line with the fleet's reason inline, and sends nothing")
    func paletteRefuses() {
        let a = app()
        type(a, "fault rack site=metro-edge hall=1 rack=99")
        #expect({ if case .palette = a.state.modal { true } else { false } }())
        #expect(a.state.palette.text == "fault rack site=metro-edge hall=1 rack=99")
        #expect(a.state.palette.error?.message.contains("rack=99 out of range") == true)
        var c = Canvas(width: 120, height: 30)
        a.render(snapshot: SnapshotFixture.demo(), into: &c)
        #expect(c.plainText.contains("rack=99 out of range"))
    }

    @Test("the wizard stays on its last step with the reason when the fleet refuses the command")
    func wizardRefuses() {
        let a = app()
        a.topology = Topology(spec: FleetSpec.tiny)
        a.state.selection = .rack(5)
        for k: Key in [.character("f"), .character("2"), .enter, .character("1")] { _ = a.handle(.key(k)) }
        guard case .wizard(let w) = a.state.modal else { Issue.record("no wizard"); return }
        #expect(w.error?.isEmpty == false)
        #expect(w.menu.title == "fault: duration")
    }

    @Test("gpu and rack faults skip magnitude and ramp; the trail shows no placeholder")
    func wizardSkipsRampForInstantFaults() {
        var w = InjectionWizard(flow: .fault, snapshot: SnapshotFixture.demo(), selection: .rack(5))
        _ = w.handle(.character("2"))
        _ = w.handle(.enter)
        #expect(w.menu.title == "fault: duration")
        #expect(!w.trailText.contains("–"))
        #expect(w.trailText == "fault · rack · rack metro-edge/h1/r06")
        _ = w.handle(.escape)
        #expect(w.menu.title == "fault: target")
    }

    @Test("+ + + walks the ladder from the speed asked for, not the last snapshot's")
    func speedKeysStack() {
        let a = DashboardApp(themes: [SnapshotFixture.theme])
        var s = SnapshotFixture.demo()
        s.clock.speed = .times(1)
        _ = a.render(snapshot: s, width: 120, height: 40)
        let sent = [Key.character("+"), .character("+"), .character("+")].flatMap { a.handle(.key($0)) }
        #expect(sent.last == .send(.clock(.speed(.times(10)))))
        s.clock.speed = .times(10)
        _ = a.render(snapshot: s, width: 120, height: 40)
        #expect(a.state.requestedSpeed == nil)
        #expect(a.handle(.key(.character("-"))).last == .send(.clock(.speed(.times(5)))))
    }
}
