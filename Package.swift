// swift-tools-version: 6.1
import PackageDescription

/// Settings every Candor module compiles with: Swift 6 language mode (strict concurrency) plus
/// `any` spelled out for existentials.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Candor",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "candor", targets: ["candor"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Property tests (Swift Testing): random surveys and cuts, with shrinking and replayable seeds.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // The zip container of the Excel workbook (Office Open XML is a zip of XML parts).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // The run history (SQLite through the system's libsqlite3, migrations, transactions).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Debian's libcsv-dev ships no pkg-config file, so the module map links it by name.
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        // OpenSSL's libcrypto, for SHA-256 of inputs at hardware speed (SHA-NI) while they stream.
        .systemLibrary(
            name: "COpenSSLCrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // Types every stage shares: provenance, reason codes, byte comparison, checksums.
        .target(name: "CandorCore", dependencies: ["COpenSSLCrypto"], swiftSettings: strictSettings),
        // The hash tables, the respondent-id store and the packed stores, on one probing core.
        .target(name: "CandorStorage", dependencies: ["CandorCore"], swiftSettings: strictSettings),
        // Stage 1: bytes -> records (encodings, dialects, export formats, libcsv).
        .target(name: "CandorIngest", dependencies: ["CLibCSV", "CandorCore"], swiftSettings: strictSettings),
        // Stage 2: records -> typed responses (schema, normalising, dedupe, rejects).
        .target(
            name: "CandorClean", dependencies: ["CandorCore", "CandorIngest", "CandorStorage"],
            swiftSettings: strictSettings),
        // Stage 3: typed responses -> statistics (streaming, mergeable accumulators, privacy).
        .target(
            name: "CandorAggregate", dependencies: ["CandorCore", "CandorClean", "CandorStorage"],
            swiftSettings: strictSettings),
        // Markup trees with one escaping function, and the SVG chart primitives the HTML report draws.
        .target(name: "CandorCharts", swiftSettings: strictSettings),
        // Stage 4: statistics -> Markdown, JSON, HTML, tidy CSV and Excel reports.
        // Its documents quote the cleaner's accounting and the schema's scales, so it reads CandorClean.
        .target(
            name: "CandorReport",
            dependencies: [
                "CandorCore", "CandorClean", "CandorAggregate", "CandorCharts",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings),
        // The run history: published figures per wave in SQLite, and the previous wave's values.
        .target(
            name: "CandorHistory",
            dependencies: ["CandorCore", "CandorAggregate", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings),
        // The pipeline definition file, stage wiring, run accounting and cron-safe output.
        .target(
            name: "CandorPipeline",
            dependencies: [
                "CandorCore", "CandorIngest", "CandorClean", "CandorAggregate", "CandorReport", "CandorHistory",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // `candor init`: profiles exports in one pass and drafts a definition that runs unedited.
        .target(
            name: "CandorDraft", dependencies: ["CandorCore", "CandorIngest", "CandorClean"],
            swiftSettings: strictSettings),
        // The seeded generator behind `candor sample` and the files in SampleData/.
        .target(name: "CandorSample", dependencies: ["CandorCore"], swiftSettings: strictSettings),
        // The fuzz targets' properties, shared by the libFuzzer driver and the regression test.
        .target(
            name: "CandorFuzzing",
            dependencies: [
                "CandorCore", "CandorIngest", "CandorPipeline", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "candor",
            dependencies: [
                "CandorCore", "CandorIngest", "CandorPipeline", "CandorSample", "CandorDraft",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CandorIngestTests",
            dependencies: ["CandorIngest", "CandorCore", "CLibCSV"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CandorCleanTests", dependencies: ["CandorClean", "CandorIngest", "CandorCore", "CandorSample"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CandorAggregateTests", dependencies: ["CandorAggregate", "CandorClean", "CandorCore"],
            // Python scripts behind hand-worked expected values (Tests/README.md), not built.
            exclude: ["Reference"], swiftSettings: strictSettings),
        .testTarget(
            name: "CandorReportTests",
            dependencies: ["CandorReport", "CandorAggregate", "CandorClean", "CandorCore", "CandorCharts"],
            // Scripts: the openpyxl reader the workbook tests run, not built.
            exclude: ["Scripts"], swiftSettings: strictSettings),
        .testTarget(
            name: "CandorPipelineTests",
            dependencies: [
                "CandorPipeline", "CandorSample", "CandorCore", "CandorClean", "CandorIngest", "CandorAggregate",
                "CandorDraft", "CandorHistory", .product(name: "Logging", package: "swift-log"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Reference: python scripts behind hand-worked values; Fixtures: exports read by path.
            exclude: ["Reference", "Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CandorDraftTests",
            dependencies: ["CandorDraft", "CandorIngest", "CandorCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CandorHistoryTests", dependencies: ["CandorHistory", "CandorAggregate", "CandorCore"],
            swiftSettings: strictSettings),
        .testTarget(name: "CandorCoreTests", dependencies: ["CandorCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "CandorStorageTests", dependencies: ["CandorStorage", "CandorCore", "CandorSample"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CandorFuzzingTests",
            dependencies: ["CandorFuzzing"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "CandorEndToEndTests", dependencies: ["CandorCore"], swiftSettings: strictSettings),
    ]
)

// The libFuzzer driver links only with `-sanitize=fuzzer` (it calls libFuzzer's
// LLVMFuzzerRunDriver), so only `scripts/fuzz`, which sets CANDOR_FUZZ=1, declares it:
// `swift build` and `swift test` never see it.
if Context.environment["CANDOR_FUZZ"] == "1" {
    package.products.append(.executable(name: "candor-fuzz", targets: ["candor-fuzz"]))
    package.targets += [
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .executableTarget(
            name: "candor-fuzz", dependencies: ["CandorFuzzing", "CLibFuzzer"], path: "Fuzz/candor-fuzz",
            swiftSettings: strictSettings,
            // gold stops with an internal error on the sanitized objects' debug information.
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]),
    ]
}
