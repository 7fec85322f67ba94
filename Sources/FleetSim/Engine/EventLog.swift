/// The bounded event list behind the events panel: things that start and (maybe) end, with repeats of
/// the same event merged into one line.
public struct EventLog: Sendable {
    public let capacity: Int
    /// Past occurrences a merged event keeps.
    public static let earlierLimit = 8
    public private(set) var events: [SimEvent] = []
    private var nextID = 1

    public init(capacity: Int = 200) { self.capacity = capacity }

    /// Opens an event; an ended event with the same kind and text among the recent ones (the same
    /// words, whatever the ids behind them) is reopened with its repeat count raised instead. Returns
    /// the event id.
    @discardableResult
    public mutating func open(_ kind: EventKind, _ subject: SimEvent.Subject, at t: Double, injected: Bool = false,
                              ongoing: Bool = true) -> Int {
        let text = subject.text
        let recent = max(0, events.count - 24)
        if let i = events[recent...].lastIndex(where: { $0.kind == kind && $0.text == text && $0.endSeconds != nil }) {
            var e = events.remove(at: i)
            e.earlier.append(SimEvent.Occurrence(startSeconds: e.startSeconds, endSeconds: e.endSeconds ?? t))
            if e.earlier.count > Self.earlierLimit { e.earlier.removeFirst(e.earlier.count - Self.earlierLimit) }
            e.repeats += 1
            e.subject = subject
            e.startSeconds = t
            e.endSeconds = ongoing ? nil : t
            events.append(e)
            return e.id
        }
        let id = nextID
        nextID += 1
        events.append(SimEvent(id: id, kind: kind, startSeconds: t, endSeconds: ongoing ? nil : t, subject: subject,
                               injected: injected))
        if events.count > capacity {
            if let i = events.firstIndex(where: { $0.endSeconds != nil }) { events.remove(at: i) } else { events.removeFirst() }
        }
        return id
    }

    /// Updates an open event whose figures changed while it lasts (a power cap that moved).
    public mutating func update(_ id: Int, _ subject: SimEvent.Subject) {
        if let i = events.lastIndex(where: { $0.id == id && $0.endSeconds == nil }), events[i].subject != subject {
            events[i].subject = subject
        }
    }

    /// Closes an open event.
    public mutating func close(_ id: Int, at t: Double) {
        if let i = events.lastIndex(where: { $0.id == id && $0.endSeconds == nil }) { events[i].endSeconds = t }
    }
}
