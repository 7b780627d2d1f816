import Foundation
import SampleCard

let usage = """
    usage: photocat-fixtures [FOLDER]                                  the sample card (default: fixtures/sample-card)
           photocat-fixtures benchmark FOLDER COUNT MEGAPIXELS [QUALITY] [ASPECT]
                                        a card for bench/run; ASPECT 3:2 (a camera, the default) or 4:3 (a phone)
           photocat-fixtures inspect FOLDER COUNT EXIF-SOURCE-FOLDER
                                        small photos with the EXIF of the JPEGs in EXIF-SOURCE-FOLDER, for bench/run
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("photocat-fixtures: \(message)\n".utf8))
    exit(1)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if let flag = arguments.first(where: { $0.hasPrefix("-") }) {
    if flag == "-h" || flag == "--help" {
        print(usage)
        exit(0)
    }
    fail("unknown option \(flag)\n\(usage)")
}
do {
    if arguments.first == "benchmark" {
        guard arguments.count >= 4, let count = Int(arguments[2]), let megapixels = Double(arguments[3]) else {
            fail(usage)
        }
        let quality = arguments.count > 4 ? Int(arguments[4]) ?? 92 : 92
        let aspect = arguments.count > 5 ? arguments[5] : "3:2"
        let sides = aspect.split(separator: ":").compactMap { Double($0) }
        guard sides.count == 2, sides[0] > 0, sides[1] > 0 else { fail("ASPECT is like 3:2 or 4:3, not \(aspect)") }
        try BenchmarkCard.write(
            to: URL(fileURLWithPath: arguments[1]), count: count, megapixels: megapixels, aspect: sides[0] / sides[1], quality: quality
        ) {
            FileHandle.standardError.write(Data(($0 + "\n").utf8))
        }
        print("\(count) photos of \(megapixels) MP written to \(arguments[1])")
    } else if arguments.first == "inspect" {
        guard arguments.count == 4, let count = Int(arguments[2]) else { fail(usage) }
        let sources = try InspectCard.exifBlocks(in: URL(fileURLWithPath: arguments[3]))
        guard !sources.isEmpty else { fail("no JPEG with EXIF in \(arguments[3])") }
        try InspectCard.write(to: URL(fileURLWithPath: arguments[1]), count: count, exifSources: sources)
        print("\(count) photos with the EXIF of \(sources.count) photos written to \(arguments[1])")
    } else {
        let folder = arguments.first ?? "fixtures/sample-card"
        try SampleCard.write(to: URL(fileURLWithPath: folder))
        print("sample card written to \(folder)")
    }
} catch {
    fail("\(error)")
}
