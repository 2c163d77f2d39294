// swift-tools-version: 6.1
import PackageDescription

// MARK: - Shared dependencies

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
let propertyBased: Target.Dependency = .product(name: "PropertyBased", package: "swift-property-based")
let testing: [Target.Dependency] = ["KithTestSupport", propertyBased]

// MARK: - Shared settings

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Kith",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kith", targets: ["kith"]),
        .library(name: "Kith", targets: ["Kith"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: - Targets

        .target(name: "KithModel", dependencies: [crypto], swiftSettings: strict),
        // Removes an output's temporary file when a signal stops the process (Sources/CKithCleanup).
        .target(name: "CKithCleanup"),
        .target(name: "KithIO", dependencies: ["KithModel", "CKithCleanup"], swiftSettings: strict),
        .target(name: "KithVCard", dependencies: ["KithIO"], swiftSettings: strict),
        .target(name: "KithCSV", dependencies: ["KithIO"], swiftSettings: strict),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .target(name: "KithXML", dependencies: ["KithIO", "CLibXML2"], swiftSettings: strict),
        .target(name: "KithJSON", dependencies: ["KithModel", "KithIO"], swiftSettings: strict),
        .target(
            name: "CPhoneNumber",
            cxxSettings: [.unsafeFlags(["-std=c++17"])],
            linkerSettings: [.linkedLibrary("phonenumber"), .linkedLibrary("protobuf"), .linkedLibrary("stdc++")]),
        .target(name: "KithNormalize", dependencies: ["KithModel", "CPhoneNumber"], swiftSettings: strict),
        .target(name: "KithResolve", dependencies: ["KithNormalize"], swiftSettings: strict),
        .target(
            name: "Kith",
            dependencies: ["KithModel", "KithIO", "KithVCard", "KithCSV", "KithXML", "KithJSON", "KithNormalize", "KithResolve"],
            swiftSettings: strict),
        // The executable's allocator: jemalloc on Linux (see Sources/KithAllocator/allocator.c).
        .target(
            name: "KithAllocator",
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]),
        .executableTarget(
            name: "kith",
            dependencies: ["Kith", "KithJSON", "KithIO", "KithModel", "KithResolve", "KithAllocator", argumentParser],
            swiftSettings: strict),

        // MARK: - Tests

        .target(name: "KithTestSupport", dependencies: ["Kith"], path: "Tests/KithTestSupport", swiftSettings: strict),
        .testTarget(name: "KithModelTests", dependencies: ["KithModel"] + testing, swiftSettings: strict),
        .testTarget(name: "KithIOTests", dependencies: ["KithIO"] + testing, swiftSettings: strict),
        .testTarget(name: "KithVCardTests", dependencies: ["KithVCard"] + testing, swiftSettings: strict),
        .testTarget(name: "KithCSVTests", dependencies: ["KithCSV"] + testing, swiftSettings: strict),
        .testTarget(name: "KithXMLTests", dependencies: ["KithXML"] + testing, swiftSettings: strict),
        .testTarget(name: "KithJSONTests", dependencies: ["KithJSON"] + testing, swiftSettings: strict),
        .testTarget(name: "KithNormalizeTests", dependencies: ["KithNormalize"] + testing, swiftSettings: strict),
        .testTarget(name: "KithResolveTests", dependencies: ["KithResolve"] + testing, swiftSettings: strict),
        .testTarget(name: "KithTests", dependencies: ["Kith"] + testing, swiftSettings: strict),
    ]
)
