import Foundation
import SampleCard

// Usage: photocat-fixtures [FOLDER]   (default: fixtures/sample-card)
let folder = CommandLine.arguments.dropFirst().first ?? "fixtures/sample-card"
do {
    try SampleCard.write(to: URL(fileURLWithPath: folder))
    print("sample card written to \(folder)")
} catch {
    FileHandle.standardError.write(Data("photocat-fixtures: \(error)\n".utf8))
    exit(1)
}
