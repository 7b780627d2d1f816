import Foundation
import Testing
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// How the client behaves when a wiki is busy, against a small stand-in server that answers the
/// first request with `maxlag` (and Retry-After) and records every request it gets.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs python3 for the stand-in server"))
struct WikiEtiquetteTests {
    static let server = #"""
        import http.server, json, sys
        class Handler(http.server.BaseHTTPRequestHandler):
            count = 0
            def do_GET(self):
                Handler.count += 1
                with open(sys.argv[1], "a") as log:
                    log.write(json.dumps({"path": self.path, "agent": self.headers.get("User-Agent")}) + "\n")
                if Handler.count == 1:
                    body, extra = {"error": {"code": "maxlag", "info": "Waiting for a database server: 7 seconds lagged"}}, {"Retry-After": "1"}
                else:
                    body, extra = {"query": {"allimages": [{"name": "Found.jpg"}]}}, {}
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                for key, value in extra.items(): self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            def log_message(self, *args): pass
        server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        print("port", server.server_address[1], flush=True)
        server.serve_forever()
        """#

    @Test func maxlagIsWaitedOutAsTheServerAsks() async throws {
        try await Fixtures.withTemporaryFolder { folder in
            let script = folder.appendingPathComponent("server.py")
            try Self.server.write(to: script, atomically: true, encoding: .utf8)
            let requests = folder.appendingPathComponent("requests.jsonl").path
            let log = folder.appendingPathComponent("server.log").path
            let pid = try Subprocess.spawn("/usr/bin/python3", [script.path, requests], log: log)
            defer {
                kill(-pid, SIGKILL)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
            }
            var port: Substring?
            for _ in 0..<100 where port == nil {
                port = (try? String(contentsOfFile: log, encoding: .utf8))?.firstMatch(of: /port (\d+)/)?.1
                usleep(50_000)
            }
            let api = WikiAPI(endpoint: URL(string: "http://127.0.0.1:\(try #require(port))/api.php")!, contact: "User:Example")
            let start = ContinuousClock.now
            #expect(try await api.files(withSHA1: String(repeating: "0", count: 40)) == ["Found.jpg"])
            #expect(start.duration(to: .now) >= .seconds(1), "the Retry-After second was not waited")
            let lines = try String(contentsOfFile: requests, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines.allSatisfy { $0.contains("maxlag=5") && $0.contains("photocat/\(PhotocatVersion.current)") && $0.contains("User:Example") })
        }
    }
}
