// swift-tools-version:6.0
import Foundation
import PackageDescription

#if arch(x86_64)
// SSE4.1, which every x86-64 processor since 2008 has, gives the thumbnail resizer native 32-bit
// vector multiplies (about twice as fast as the baseline's emulated ones; see bench/run).
let vectorSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "nehalem"])]
#else
let vectorSettings: [SwiftSetting] = []
#endif

let package = Package(
    name: "photocat",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PhotoCatalog", targets: ["PhotoCatalog"]),
        .executable(name: "photocat", targets: ["photocat"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // System libraries, found through pkg-config; the providers tell SwiftPM what to suggest.
        .systemLibrary(
            name: "CLibExif",
            pkgConfig: "libexif",
            providers: [.apt(["libexif-dev"]), .brew(["libexif"])]
        ),
        .systemLibrary(
            name: "CLibJPEG",
            pkgConfig: "libjpeg",
            providers: [.apt(["libjpeg-dev"]), .brew(["jpeg-turbo"])]
        ),
        // libjpeg reports errors by calling exit() unless an error manager longjmps out;
        // Swift cannot call setjmp, so that part lives in this small C target.
        .target(
            name: "CJPEGGuard",
            dependencies: ["CLibJPEG"],
            linkerSettings: [.linkedLibrary("jpeg")]
        ),
        .target(
            name: "PhotoCatalog",
            dependencies: [
                "CLibExif",
                "CJPEGGuard",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: vectorSettings
        ),
        .executableTarget(
            name: "photocat",
            dependencies: [
                "PhotoCatalog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The sample card of the README, painted and encoded with photocat's own code.
        .target(
            name: "SampleCard",
            dependencies: ["PhotoCatalog"]
        ),
        // Regenerates fixtures/sample-card (`make fixtures`).
        .executableTarget(
            name: "photocat-fixtures",
            dependencies: ["SampleCard"]
        ),
        .testTarget(
            name: "PhotoCatalogTests",
            dependencies: ["PhotoCatalog", "SampleCard", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)

// The libFuzzer target, built only by fuzz/run (PHOTOCAT_FUZZ=1, -sanitize=fuzzer). libFuzzer's
// runtime brings a `main` of its own besides the one SwiftPM gives every executable; either
// one starts the fuzzer (see fuzz/target), so the linker may keep whichever it meets first.
if ProcessInfo.processInfo.environment["PHOTOCAT_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "photocat-fuzz", dependencies: ["PhotoCatalog"], path: "fuzz/target",
        linkerSettings: [.unsafeFlags(["-Xlinker", "--allow-multiple-definition"])]))
}
