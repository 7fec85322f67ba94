import Testing
@testable import FleetSim

/// Repeats merge into one line without losing when the earlier occurrences were; an open event's
/// words follow its figures.
@Suite("Event log history")
struct EventLogHistoryTests {
    @Test("a repeat keeps the earlier occurrence's start and end")
    func repeatsKeepHistory() {
        var log = EventLog()
        let id = log.open(.shedding, Self.cap(700), at: 1)
        log.close(id, at: 825)
        _ = log.open(.shedding, Self.cap(700), at: 1_107)
        #expect(log.events.count == 1)
        let e = log.events[0]
        #expect(e.repeats == 2 && e.startSeconds == 1_107 && e.endSeconds == nil)
        #expect(e.earlier == [SimEvent.Occurrence(startSeconds: 1, endSeconds: 825)])
    }

    @Test("only the most recent occurrences are kept")
    func historyIsBounded() {
        var log = EventLog()
        for i in 0..<20 {
            let id = log.open(.alert, .note("x"), at: Double(i * 10))
            log.close(id, at: Double(i * 10 + 5))
        }
        #expect(log.events[0].earlier.count == EventLog.earlierLimit)
        #expect(log.events[0].earlier.last == SimEvent.Occurrence(startSeconds: 180, endSeconds: 185))
    }

    @Test("an open event follows its figures; a closed one does not")
    func update() {
        var log = EventLog()
        let id = log.open(.shedding, Self.cap(700), at: 1)
        log.update(id, Self.cap(560))
        #expect(log.events[0].subject == Self.cap(560))
        log.close(id, at: 5)
        log.update(id, Self.cap(490))
        #expect(log.events[0].subject == Self.cap(560))
    }

    @Test("the words are derived from the subject")
    func wordsFromSubject() {
        #expect(Self.cap(560).text == "power cap biting at metro-edge (limit 560 kW)")
        #expect(SimEvent.Subject.surge(id: 1, classes: RequestClass.allCases, factor: 3).text == "surge all ×3")
        #expect(SimEvent.Subject.repaired(faultID: 2, kind: .sensor, target: "near/h1/r02").text == "repaired sensor near/h1/r02")
    }

    /// The power-cap event of metro-edge at `limitKW`.
    static func cap(_ limitKW: Int) -> SimEvent.Subject { .powerCap(site: 0, name: "metro-edge", limitKW: limitKW) }
}
