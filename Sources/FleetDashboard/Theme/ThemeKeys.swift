/// Where each theme setting may come from in a file: fleettop's own key first, then btop's key
/// names, so a btop theme fills every fleettop colour. The first key the file sets wins; a setting
/// no listed key sets falls back to the fallback theme (the default theme).
public enum ThemeKeys {
    /// Keys read for each colour, in order of preference.
    public static let colorSources: [ThemeColor: [String]] = [
        .mainBackground: ["main_bg"], .mainForeground: ["main_fg"], .title: ["title"],
        .highlight: ["hi_fg"], .selectedBackground: ["selected_bg"], .selectedForeground: ["selected_fg"],
        .inactive: ["inactive_fg"], .graphText: ["graph_text", "inactive_fg"],
        .meterBackground: ["meter_bg", "inactive_fg", "div_line"],
        .divider: ["div_line"],
        .headerBackground: ["header_bg", "main_bg"], .headerForeground: ["header_fg", "title"],
        .mapBox: ["map_box", "cpu_box"], .detailBox: ["detail_box", "cpu_box"],
        .powerBox: ["power_box", "mem_box"], .thermalBox: ["thermal_box", "mem_box"],
        .trafficBox: ["traffic_box", "net_box"], .latencyBox: ["latency_box", "net_box"],
        .agenticBox: ["agentic_box", "proc_box"], .eventsBox: ["events_box", "proc_box"],
        .ok: ["ok_fg", "proc_misc", "free_end", "cpu_start"],
        .warning: ["warn_fg", "available_end", "cpu_mid"],
        .critical: ["crit_fg", "used_end", "cpu_end"],
        .fault: ["fault_fg", "process_end", "temp_end"],
        .surge: ["surge_fg", "upload_end", "download_end"],
        .repair: ["repair_fg", "cached_end", "free_end"],
        .dialogBackground: ["dialog_bg", "meter_bg", "selected_bg"],
        .dialogForeground: ["dialog_fg", "main_fg"],
    ]

    /// Gradient base names read for each gradient (each with `_start`, `_mid`, `_end`), in order:
    /// btop's temperature → thermal, cpu → utilisation, used → power, available → queue,
    /// download → latency, upload → surge, process (or, in older btop themes, temp) → fault.
    public static let gradientSources: [ThemeGradient: [String]] = [
        .thermal: ["thermal", "temp"], .utilization: ["utilization", "cpu"], .power: ["power", "used"],
        .queue: ["queue", "available", "cached"], .latency: ["latency", "download"],
        .surge: ["surge", "upload"], .fault: ["fault", "process", "temp"],
    ]

    /// btop's single-colour keys (accepted; those not listed above are read for nothing else).
    public static let btopColorKeys: Set<String> = [
        "main_bg", "main_fg", "title", "hi_fg", "selected_bg", "selected_fg", "inactive_fg", "graph_text",
        "meter_bg", "proc_misc", "cpu_box", "mem_box", "net_box", "proc_box", "div_line",
    ]

    /// btop's gradient base names.
    public static let btopGradientNames: Set<String> = [
        "temp", "cpu", "free", "cached", "available", "used", "download", "upload", "process",
    ]

    /// Every single-colour key a theme file may set.
    public static let colorKeys: Set<String> = btopColorKeys.union(colorSources.values.flatMap { $0 })

    /// Every gradient base name a theme file may use.
    public static let gradientNames: Set<String> = btopGradientNames.union(gradientSources.values.flatMap { $0 })

    /// The gradient suffixes, in the order the colours run.
    public static let gradientParts = ["start", "mid", "end"]

    /// True when `key` is a colour key or `name_start` / `name_mid` / `name_end` of a known gradient.
    public static func isKnown(_ key: String) -> Bool {
        if colorKeys.contains(key) { return true }
        return gradientParts.contains { part in
            key.hasSuffix("_" + part) && gradientNames.contains(String(key.dropLast(part.count + 1)))
        }
    }
}
