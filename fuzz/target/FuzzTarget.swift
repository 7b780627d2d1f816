import Foundation
import PhotoModel
import PhotoRead

/// The bytes of one input, as they could come off a card, through every stage that parses
/// them: the JPEG marker walk, libexif's EXIF reader, libjpeg's decode under setjmp, the resize
/// and the orientation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    guard let structure = try? JPEGStructure.parse(data) else { return 0 }
    let orientation = structure.exifSegment.flatMap { ExifReader.read(segment: $0).metadata.orientation }
    // A small frame limit keeps each run fast; the limit itself is what is under test for bombs.
    let options = ThumbnailOptions(sizes: [48, 16], quality: 60, maxPixels: 2_000_000)
    _ = try? Thumbnailer.render(jpeg: data, orientation: orientation ?? 1, options: options)
    return 0
}

/// libFuzzer's driver, from its runtime (linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Built only by `fuzz/run`, with `-sanitize=fuzzer,address`. Whichever `main` the linker keeps,
/// SwiftPM's (this one, handing the command line to libFuzzer's driver) or libFuzzer's own
/// (which calls `LLVMFuzzerTestOneInput` above), the same fuzzer runs.
@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { fuzzOneInput($0, $1) })
    }
}
