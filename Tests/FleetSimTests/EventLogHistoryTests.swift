import Testing
@testable import FleetSim

/// Repeats merge into one line without losing when the earlier occurrences were; an open event's
/// words follow its figures.
@Suite("Event log history")
struct EventLogHistoryTests {
    @Test("a repeat keeps the earlier occurrence's start and end")
    func repeatsKeepHistory() {
        var log = EventLog()
        let id = log.open(.shedding, "power cap biting at metro-edge (limit 700 kW)", at: 1)
        log.close(id, at: 825)
        _ = log.open(.shedding, "power cap biting at metro-edge (limit 700 kW)", at: 1_107)
        #expect(log.events.count == 1)
        let e = log.events[0]
        #expect(e.repeats == 2 && e.startSeconds == 1_107 && e.endSeconds == nil)
        #expect(e.earlier == [SimEvent.Occurrence(startSeconds: 1, endSeconds: 825)])
    }

    @Test("only the most recent occurrences are kept")
    func historyIsBounded() {
        var log = EventLog()
        for i in 0..<20 {
            let id = log.open(.alert, "x", at: Double(i * 10))
            log.close(id, at: Double(i * 10 + 5))
        }
        #expect(log.events[0].earlier.count == EventLog.earlierLimit)
        #expect(log.events[0].earlier.last == SimEvent.Occurrence(startSeconds: 180, endSeconds: 185))
    }

    @Test("an open event is reworded when its figures change; a closed one is not")
    func retext() {
        var log = EventLog()
        let id = log.open(.shedding, "power cap biting at metro-edge (limit 700 kW)", at: 1)
        log.retext(id, "power cap biting at metro-edge (limit 560 kW)")
        #expect(log.events[0].text == "power cap biting at metro-edge (limit 560 kW)")
        log.close(id, at: 5)
        log.retext(id, "power cap biting at metro-edge (limit 490 kW)")
        #expect(log.events[0].text == "power cap biting at metro-edge (limit 560 kW)")
    }
}
