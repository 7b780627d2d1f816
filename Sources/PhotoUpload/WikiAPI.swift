import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import PhotoModel
import PhotoPlan
import PhotoStore

/// A polite client of one wiki's Action API: requests in series, `maxlag=5` on each, waits on
/// `maxlag` and `ratelimited` (honouring Retry-After) and on network errors, a descriptive
/// User-Agent, one session (cookies) for the login and the CSRF token.
public final class WikiAPI: @unchecked Sendable {
    public let endpoint: URL
    let session: URLSession
    let userAgent: String
    /// The session's cookies, kept here rather than in a shared store: one login per client.
    private var cookies: [String: String] = [:]
    private let lock = NSLock()
    /// How often a request is tried before its error is final.
    public var attempts = 5
    /// The wait before a retry when the server names none; doubled each time.
    var backoff: Duration = .seconds(2)

    public struct Failure: Error, CustomStringConvertible, Equatable, Decodable {
        public var code: String
        public var info: String
        public var description: String { "\(code): \(info)" }
    }

    public init(endpoint: URL, contact: String) {
        self.endpoint = endpoint
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForRequest = 120
        session = URLSession(configuration: configuration)
        userAgent = "photocat/\(PhotocatVersion.current) (https://github.com/photocat/photocat; \(contact))"
    }

    /// A file part of a multipart POST.
    struct FilePart {
        var field: String
        var name: String
        var data: Data
    }

    /// Calls the API and decodes `T` from the answer. An API error comes back as `Failure`
    /// after the retries that its code deserves; `attempts` 1 fails at once (the first contact,
    /// where a wrong address should say so without waiting).
    func call<T: Decodable>(
        _ type: T.Type, _ parameters: [String: String], post: Bool = false, file: FilePart? = nil,
        attempts: Int? = nil
    ) async throws -> T {
        let attempts = attempts ?? self.attempts
        var parameters = parameters
        parameters["format"] = "json"
        parameters["formatversion"] = "2"
        parameters["maxlag"] = "5"
        var wait = backoff
        for attempt in 1...attempts {
            var request = post || file != nil ? Self.postRequest(endpoint, parameters, file: file) : Self.getRequest(endpoint, parameters)
            request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
            let cookieHeader = lock.withLock { cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
            if !cookieHeader.isEmpty { request.setValue(cookieHeader, forHTTPHeaderField: "Cookie") }
            let data: Data, response: URLResponse
            do {
                (data, response) = try await session.data(for: request)
                keepCookies(from: response)
            } catch {
                guard attempt < attempts else {
                    throw Failure(code: "http", info: "cannot be reached: \(error.localizedDescription)")
                }
                try await Task.sleep(for: wait)
                wait *= 2
                continue
            }
            if let failure = try? JSONDecoder().decode(ErrorAnswer.self, from: data).error {
                let retryable = ["maxlag", "ratelimited", "readonly", "internal_api_error_DBQueryTimeoutError"].contains(failure.code)
                guard retryable, attempt < attempts else { throw failure }
                let retryAfter = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Retry-After").flatMap(Int.init)
                try await Task.sleep(for: retryAfter.map { .seconds($0) } ?? wait)
                wait *= 2
                continue
            }
            do {
                return try JSONDecoder().decode(T.self, from: data)
            } catch {
                let text = String(decoding: data.prefix(200), as: UTF8.self)
                throw Failure(code: "not-api", info: "\(endpoint.absoluteString) did not answer like a MediaWiki API (\(text))")
            }
        }
        throw Failure(code: "http", info: "no answer from \(endpoint.absoluteString)")
    }

    private func keepCookies(from response: URLResponse) {
        guard let http = response as? HTTPURLResponse, let url = http.url else { return }
        let fields = http.allHeaderFields.reduce(into: [String: String]()) { $0["\($1.key)"] = "\($1.value)" }
        let received = HTTPCookie.cookies(withResponseHeaderFields: fields, for: url)
        lock.withLock { for cookie in received { cookies[cookie.name] = cookie.value } }
    }

    struct ErrorAnswer: Decodable {
        var error: Failure?
    }

    static func getRequest(_ endpoint: URL, _ parameters: [String: String]) -> URLRequest {
        var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false)!
        components.queryItems = parameters.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return URLRequest(url: components.url!)
    }

    /// Tokens end in `+\`, so every value goes in the body, form-encoded (or multipart with a file).
    static func postRequest(_ endpoint: URL, _ parameters: [String: String], file: FilePart?) -> URLRequest {
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        guard let file else {
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(parameters.sorted { $0.key < $1.key }.map { "\(encode($0.key))=\(encode($0.value))" }.joined(separator: "&").utf8)
            return request
        }
        let boundary = "photocat-\(UUID().uuidString)"
        request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        var body = Data()
        for (key, value) in parameters.sorted(by: { $0.key < $1.key }) {
            body.append(
                Data(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n\(value)\r\n"
                        .utf8))
        }
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name.replacingOccurrences(of: "\"", with: "%22"))\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8))
        body.append(file.data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        request.httpBody = body
        return request
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
