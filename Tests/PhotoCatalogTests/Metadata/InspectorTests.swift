import Foundation
import Testing
import PhotoModel
import PhotoRead

/// `inspect` reads only the head of each file: what it prints must not depend on that.
@Suite struct InspectorTests {
    static let photo = Fixtures.sampleCard.appendingPathComponent("DCIM/100CANON/IMG_0001.JPG")

    /// The photo with `count` APP2 segments of 65,000 bytes (an ICC profile's size) after SOI,
    /// pushing the EXIF block and the frame header past the first 128 KB.
    static func padded(count: Int) throws -> Data {
        let data = try Data(contentsOf: photo)
        var out = Data([0xFF, 0xD8])
        for _ in 0..<count {
            let length = 65_000
            out.append(contentsOf: [0xFF, 0xE2, UInt8(length >> 8), UInt8(length & 0xFF)])
            out.append(Data(count: length - 2))
        }
        out.append(data.dropFirst(2))
        return out
    }

    static func widthAndMake(_ item: Inspector.Item?) -> (Int?, String?) {
        guard case .object(let members)? = item?.object else { return (nil, nil) }
        let width = members.first { $0.0 == "ImageWidth" }.flatMap { if case .integer(let w) = $0.1 { w } else { nil } }
        let make = members.first { $0.0 == "Make" }.flatMap { if case .string(let m) = $0.1 { m } else { nil } }
        return (width, make)
    }

    @Test(arguments: [0, 1, 3])
    func markersPastTheHeadAreStillRead(segments: Int) async throws {
        let expected = Self.widthAndMake(try Inspector.inspect(path: Self.photo.path).first)
        #expect(expected.0 != nil && expected.1 != nil)
        try await Fixtures.withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("IMG_0001.JPG")
            try Self.padded(count: segments).write(to: file)
            let alone = try Inspector.inspect(path: file.path)
            #expect(alone.count == 1 && alone[0].diagnostics.allSatisfy { $0.severity < .warning })
            #expect(Self.widthAndMake(alone.first) == expected)
            let walked = try Inspector.inspect(path: folder.path)
            #expect(Self.widthAndMake(walked.first) == expected)
        }
    }

    @Test func aFolderSkipsWhatIsNoPhotoAndKeepsTheOrder() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let bytes = try Data(contentsOf: Self.photo)
            for name in ["b.JPG", "a.JPG", "c.JPG"] { try bytes.write(to: folder.appendingPathComponent(name)) }
            try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
            let items = try Inspector.inspect(path: folder.path)
            let sources = items.compactMap { item -> String? in
                guard case .object(let members)? = item.object, case .string(let s)? = members.first?.1 else { return nil }
                return URL(fileURLWithPath: s).lastPathComponent
            }
            #expect(sources == ["a.JPG", "b.JPG", "c.JPG"])
            #expect(items.count == 3)
        }
    }
}
