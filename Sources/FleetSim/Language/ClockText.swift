/// Seconds as a clock reading, the one formatter behind reports, progress lines and panels.
public enum ClockText {
    /// "0:25", "12:03", "2:05:00": minutes and seconds, with hours only past the hour. Whole seconds
    /// rounded down; negative or non-finite values read as zero.
    public static func elapsed(_ seconds: Double) -> String {
        let t = wholeSeconds(seconds)
        let (h, m, s) = (t / 3_600, t % 3_600 / 60, t % 60)
        return h > 0 ? "\(h):\(twoDigits(m)):\(twoDigits(s))" : "\(m):\(twoDigits(s))"
    }

    /// "0:05:00", "12:00:00": always hours, minutes and seconds.
    public static func hoursMinutesSeconds(_ seconds: Double) -> String {
        let t = wholeSeconds(seconds)
        return "\(t / 3_600):\(twoDigits(t % 3_600 / 60)):\(twoDigits(t % 60))"
    }

    private static func wholeSeconds(_ seconds: Double) -> Int {
        seconds.isFinite ? max(0, Int(min(seconds, 1e15).rounded(.down))) : 0
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
