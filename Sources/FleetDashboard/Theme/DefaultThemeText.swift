/// Themes/default.theme, compiled in so the binary works anywhere (a test keeps the two identical).
enum DefaultThemeText {
    static let text = #"""
# fleettop default (dark)
# by the fleettop authors; compiled into the binary as the fallback theme

# fleettop theme, btop's format: theme[key]="value". Values: "#RRGGBB", "#GG" (grey),
# "R G B" (decimal) or "" (terminal default). Gradients: name_start / name_mid / name_end, 101 steps.
# btop's key names (cpu_box, temp_start, ...) also work; see `fleettop themes --check`.

# Base
theme[main_bg]="#10141a"
theme[main_fg]="#c9d1d9"
theme[title]="#e6edf3"
theme[hi_fg]="#58a6ff"
theme[selected_bg]="#264f78"
theme[selected_fg]="#ffffff"
theme[inactive_fg]="#5c6370"
theme[graph_text]="#8b949e"
theme[meter_bg]="#2a313a"
theme[div_line]="#30363d"

# Header bar
theme[header_bg]="#1b2430"
theme[header_fg]="#e6edf3"

# Panel box outlines
theme[map_box]="#3d6f8e"
theme[power_box]="#8a7a2e"
theme[thermal_box]="#9a4a3a"
theme[traffic_box]="#3d7b46"
theme[latency_box]="#5a55a5"
theme[agentic_box]="#7a4f9a"
theme[events_box]="#6b6f76"
theme[detail_box]="#3d6f8e"

# Status colours
theme[ok_fg]="#3fb950"
theme[warn_fg]="#d29922"
theme[crit_fg]="#f85149"
theme[fault_fg]="#ff7b72"
theme[surge_fg]="#d2a8ff"
theme[repair_fg]="#56d4dd"

# Dialogs
theme[dialog_bg]="#1f2630"
theme[dialog_fg]="#e6edf3"

# Gradient: die and inlet temperature, cool to hot
theme[thermal_start]="#3b82c4"
theme[thermal_mid]="#e3b341"
theme[thermal_end]="#f0503c"

# Gradient: power draw against its limit
theme[power_start]="#2f6f4f"
theme[power_mid]="#d8c25a"
theme[power_end]="#e8553d"

# Gradient: GPU utilisation
theme[utilization_start]="#2ea043"
theme[utilization_mid]="#d29922"
theme[utilization_end]="#da3633"

# Gradient: queue depth and KV-cache use
theme[queue_start]="#1f6feb"
theme[queue_mid]="#a371f7"
theme[queue_end]="#f778ba"

# Gradient: latency against its SLO
theme[latency_start]="#3fb950"
theme[latency_mid]="#d29922"
theme[latency_end]="#f85149"

# Gradient: fault severity
theme[fault_start]="#6e2b2b"
theme[fault_mid]="#c93c37"
theme[fault_end]="#ff7b72"

# Gradient: demand surge factor
theme[surge_start]="#3b2a63"
theme[surge_mid]="#8957e5"
theme[surge_end]="#d2a8ff"
"""#
}
