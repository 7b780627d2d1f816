import Foundation
import PhotoModel
import PhotoPlan
import PhotoStore

/// `action=upload`: in one request, or in chunks through the stash; publishing a stashed file.
extension WikiAPI {
    public enum UploadAnswer: Sendable, Equatable {
        case success(filename: String)
        /// Not published: the warnings by code (a value is the name or names it concerns), and
        /// the stash key to publish it with anyway.
        case warning([String: String], filekey: String?)
    }

    struct UploadResponse: Decodable {
        struct Upload: Decodable {
            var result: String
            var filename: String?
            var filekey: String?
            var offset: Int?
            var warnings: Warnings?
        }
        var upload: Upload
    }

    /// Warning values are strings, lists of names or objects, depending on the code.
    struct Warnings: Decodable {
        var codes: [String: String]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            var codes: [String: String] = [:]
            for key in container.allKeys {
                if let text = try? container.decode(String.self, forKey: key) {
                    codes[key.stringValue] = text
                } else if let names = try? container.decode([String].self, forKey: key) {
                    codes[key.stringValue] = names.joined(separator: ", ")
                } else {
                    codes[key.stringValue] = ""
                }
            }
            self.codes = codes
        }
    }

    /// Uploads `data` as `File:filename` with `text` as its page. Files larger than `chunkSize`
    /// go through the stash in chunks and are then published.
    public func upload(
        _ data: Data, filename: String, text: String, comment: String, token: String,
        chunkSize: Int = 8 << 20
    ) async throws -> UploadAnswer {
        guard data.count > chunkSize else {
            let answer = try await call(
                UploadResponse.self,
                [
                    "action": "upload", "filename": filename, "text": text, "comment": comment, "token": token,
                ], file: FilePart(field: "file", name: filename, data: data))
            return try Self.answer(answer.upload)
        }
        var offset = 0
        var filekey: String?
        while offset < data.count {
            let chunk = data.subdata(in: offset..<min(offset + chunkSize, data.count))
            var parameters = [
                "action": "upload", "stash": "1", "filename": filename, "filesize": String(data.count),
                "offset": String(offset), "token": token,
            ]
            parameters["filekey"] = filekey
            let answer = try await call(UploadResponse.self, parameters, file: FilePart(field: "chunk", name: filename, data: chunk)).upload
            // The last chunk's answer carries a new key: the one to publish with.
            filekey = answer.filekey ?? filekey
            if answer.result == "Continue" {
                offset = answer.offset ?? offset + chunk.count
                continue
            }
            if answer.result == "Warning" { return .warning(answer.warnings?.codes ?? [:], filekey: filekey) }
            guard answer.result == "Success" else { throw Failure(code: "upload", info: "chunk at \(offset): \(answer.result)") }
            break
        }
        guard let filekey else { throw Failure(code: "upload", info: "the wiki gave no stash key for the chunks") }
        return try await publish(filekey: filekey, filename: filename, text: text, comment: comment, token: token, ignoringWarnings: false)
    }

    /// Publishes a stashed file. With `ignoringWarnings`, only after the caller's policy has
    /// looked at each warning.
    public func publish(
        filekey: String, filename: String, text: String, comment: String, token: String,
        ignoringWarnings: Bool
    ) async throws -> UploadAnswer {
        var parameters = ["action": "upload", "filekey": filekey, "filename": filename, "text": text, "comment": comment, "token": token]
        if ignoringWarnings { parameters["ignorewarnings"] = "1" }
        return try Self.answer(try await call(UploadResponse.self, parameters, post: true).upload)
    }

    /// Adds structured data to a file page (`M<pageid>`), without clearing what is there.
    public func editEntity(id: String, data: String, token: String) async throws {
        struct Answer: Decodable { var success: Int? }
        _ = try await call(Answer.self, ["action": "wbeditentity", "id": id, "data": data, "token": token], post: true)
    }

    static func answer(_ upload: UploadResponse.Upload) throws -> UploadAnswer {
        switch upload.result {
        case "Success": return .success(filename: upload.filename ?? "")
        case "Warning": return .warning(upload.warnings?.codes ?? [:], filekey: upload.filekey)
        default: throw Failure(code: "upload", info: "unexpected result \(upload.result)")
        }
    }
}
