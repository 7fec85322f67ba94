// swift-tools-version: 6.1
import PackageDescription

/// The model's kernels and event loops run 20–200× slower unoptimised: the tests build them with -O
/// even in debug (testability stays on), so whole drills and stories fit in `swift test`.
let optimisedInTests: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "fleettop",
    products: [
        .executable(name: "fleettop", targets: ["fleettop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        .target(name: "FleetMetrics", swiftSettings: optimisedInTests),
        /// `fleettop bench`'s measurements of FleetMetrics, kept out of the library that ships them.
        .target(name: "FleetBench", dependencies: ["FleetMetrics"], swiftSettings: optimisedInTests),
        .target(name: "FleetSim", dependencies: ["FleetMetrics", .product(name: "Yams", package: "Yams")],
                swiftSettings: optimisedInTests),
        .target(name: "FleetDashboard", dependencies: ["FleetSim"]),
        .target(
            name: "FleetHTTP",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(name: "FleetExport", dependencies: ["FleetSim", "FleetHTTP"]),
        .target(name: "FleetTerminal", dependencies: ["FleetDashboard", "CNCursesW"]),
        .executableTarget(
            name: "fleettop",
            dependencies: [
                "FleetTerminal",
                "FleetExport",
                "FleetBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "FleetMetricsTests",
            dependencies: ["FleetMetrics", .product(name: "Histogram", package: "hdrhistogram-swift")]
        ),
        .testTarget(name: "FleetBenchTests", dependencies: ["FleetBench", "FleetMetrics"]),
        .testTarget(name: "FleetSimTests", dependencies: ["FleetSim"]),
        .testTarget(name: "FleetDashboardTests", dependencies: ["FleetDashboard"], exclude: ["Fixtures/Golden"]),
        .testTarget(name: "FleetTerminalTests", dependencies: ["FleetTerminal", "CNCursesW"]),
        .testTarget(name: "EndToEndTests", dependencies: ["FleetSim"]),
        .testTarget(name: "FleetExportTests", dependencies: ["FleetExport", "FleetHTTP", "FleetSim"]),
    ],
    swiftLanguageModes: [.v6]
)
