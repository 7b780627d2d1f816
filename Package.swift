// swift-tools-version:6.0
import Foundation
import PackageDescription

// The parts of photocat are targets, so what must never depend on what is a compiler fact:
//
//   photocat (commands) -> PhotoCatalog (the run) -> PhotoUpload -> PhotoStore -> PhotoModel
//                                                 -> PhotoRead  (the only importer of C) -> PhotoModel
//                                                 -> PhotoPlan  (pure: no disk, no C)    -> PhotoModel
//
// README "Development" draws the same graph.
let package = Package(
    name: "photocat",
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
            providers: [.apt(["libexif-dev"])]
        ),
        .systemLibrary(
            name: "CLibJPEG",
            pkgConfig: "libjpeg",
            providers: [.apt(["libjpeg-dev"])]
        ),
        // libjpeg reports errors by calling exit() unless an error manager longjmps out;
        // Swift cannot call setjmp, so that part lives in this small C target.
        .target(
            name: "CJPEGGuard",
            dependencies: ["CLibJPEG"],
            linkerSettings: [.linkedLibrary("jpeg")]
        ),
        // Values only: photo identity, read results, metadata, local time, diagnostics, the batch line.
        .target(
            name: "PhotoModel",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // Card walk, JPEG markers, EXIF (libexif), decode, resize, thumbnails.
        .target(
            name: "PhotoRead",
            dependencies: ["PhotoModel", "CLibExif", "CJPEGGuard"]
        ),
        // Manifest, tagging, clocks, names, pages, structured data, the output files' contents.
        .target(
            name: "PhotoPlan",
            dependencies: [
                "PhotoModel",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The catalogue (the truth), the output folder written from it, the lock.
        .target(
            name: "PhotoStore",
            dependencies: ["PhotoModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The Action API client: sends what the catalogue holds.
        .target(
            name: "PhotoUpload",
            dependencies: ["PhotoModel", "PhotoPlan", "PhotoStore"]
        ),
        // The run: scan -> read -> store -> derive -> store -> project.
        .target(
            name: "PhotoCatalog",
            dependencies: ["PhotoModel", "PhotoRead", "PhotoPlan", "PhotoStore", "PhotoUpload"]
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
            dependencies: ["PhotoModel", "PhotoRead", "CLibExif"]
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
    package.targets.append(
        .executableTarget(
            name: "photocat-fuzz", dependencies: ["PhotoRead"], path: "fuzz/target",
            linkerSettings: [.unsafeFlags(["-Xlinker", "--allow-multiple-definition"])]))
}
