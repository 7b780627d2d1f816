import Foundation
import SampleCard

let usage = """
    usage: photocat-fixtures [FOLDER]                                  the sample card (default: fixtures/sample-card)
           photocat-fixtures benchmark FOLDER COUNT MEGAPIXELS [QUALITY]  a card for bench/run
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
        try BenchmarkCard.write(to: URL(fileURLWithPath: arguments[1]), count: count, megapixels: megapixels, quality: quality) {
            FileHandle.standardError.write(Data(($0 + "\n").utf8))
        }
        print("\(count) photos of \(megapixels) MP written to \(arguments[1])")
    } else {
        let folder = arguments.first ?? "fixtures/sample-card"
        try SampleCard.write(to: URL(fileURLWithPath: folder))
        print("sample card written to \(folder)")
    }
} catch {
    fail("\(error)")
}
