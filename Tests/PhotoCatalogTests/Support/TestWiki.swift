import Foundation
import PhotoModel
import PhotoRead
import PhotoPlan
import PhotoStore
import PhotoUpload
import PhotoCatalog

/// A throwaway MediaWiki (Debian's package, 1.39, on SQLite) behind `php -S` on a free loopback
/// port, made in a temporary folder: uploads on, the Commons camera-name patterns in its title
/// blacklist, a bot password for Admin. `stop()` kills the server's process group and removes
/// the folder. See ../shared/reference/mediawiki-test.md for the pitfalls this avoids.
final class TestWiki: @unchecked Sendable {
    static let installed =
        FileManager.default.fileExists(atPath: "/usr/share/mediawiki/maintenance/install.php")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/php")
    static let missing = "MediaWiki is not installed (apt-get install mediawiki php-sqlite3 php-cli); CI installs it"

    let folder: URL
    private(set) var endpoint: URL
    let user = "Admin@upload"
    let password: String
    private var server: pid_t = 0

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("photocat-wiki-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: "/usr/share/mediawiki")
        where !["LocalSettings.php", "images", "extensions", "config", "cache"].contains(name) {
            try fm.createSymbolicLink(atPath: folder.appendingPathComponent(name).path, withDestinationPath: "/usr/share/mediawiki/" + name)
        }
        try fm.createSymbolicLink(
            atPath: folder.appendingPathComponent("extensions").path, withDestinationPath: "/usr/share/mediawiki/extensions-core")
        for name in ["images", "data", "cache", "tmp"] {
            try fm.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try Self.php(
            folder,
            [
                "maintenance/install.php", "--quiet", "--dbtype", "sqlite", "--dbpath", folder.path + "/data",
                "--dbname", "testwiki", "--server", "http://127.0.0.1", "--scriptpath", "", "--lang", "en",
                "--pass", "Photocat-Test-Wiki-Passw0rd!", "--confpath", folder.path, "--skins", "Vector", "TestWiki", "Admin",
            ])
        let settings = """

            $wgServer = WebRequest::detectServer();
            $wgEnableUploads = true;
            $wgUploadDirectory = "\(folder.path)/images";
            $wgUploadPath = "/images";
            $wgTmpDirectory = "\(folder.path)/tmp";
            $wgCacheDirectory = "\(folder.path)/cache";
            $wgUseImageMagick = false;
            $wgMaxUploadSize = 100 * 1024 * 1024;
            wfLoadExtension( 'TitleBlacklist' );
            $wgTitleBlacklistSources = [ 'local' => [ 'type' => 'localpage', 'src' => 'MediaWiki:Titleblacklist' ] ];

            """
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("LocalSettings.php"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(settings.utf8))
        try handle.close()
        // The title blacklist's camera-default patterns, as on Commons.
        let blacklist = folder.appendingPathComponent("tmp/blacklist.txt")
        try """
        File:(DCP|DSC.|IMG_|MVC-?|P\\d|CIMG|PICT|SANY)[\\d\\s_-]+\\.\\w+ <reupload>
        File:.*[Ff]orbidden.* <reupload>
        """.write(to: blacklist, atomically: true, encoding: .utf8)
        try Self.php(
            folder, ["maintenance/edit.php", "--user", "Admin", "--summary", "camera names", "MediaWiki:Titleblacklist"], stdin: blacklist.path)
        let bot = try Self.php(
            folder,
            [
                "maintenance/createBotPassword.php", "--appid", "upload", "--grants",
                "basic,highvolume,uploadfile,uploadeditmovefile,editpage,createeditmovepage", "Admin",
            ])
        guard let match = bot.firstMatch(of: /password:'([0-9a-w]+)'/) else { throw TestWikiError(text: "no bot password: \(bot)") }
        password = String(match.1)
        endpoint = URL(string: "http://127.0.0.1:1/api.php")!
        try start()
    }

    /// Starts the server on a free port, or restarts it on the port it had.
    func start() throws {
        let port = endpoint.port.flatMap { $0 > 1 ? $0 : nil } ?? 0
        let log = folder.appendingPathComponent("tmp/server.log")
        try? FileManager.default.removeItem(at: log)
        server = try Subprocess.spawn(
            "/usr/bin/php",
            [
                "-d", "upload_max_filesize=100M", "-d", "post_max_size=110M",
                "-S", "127.0.0.1:\(port)", "-t", folder.path,
            ],
            environment: ["MW_INSTALL_PATH": folder.path], log: log.path)
        for _ in 0..<100 {
            if let text = try? String(contentsOf: log, encoding: .utf8), let match = text.firstMatch(of: /\(http:\/\/127\.0\.0\.1:(\d+)\) started/) {
                endpoint = URL(string: "http://127.0.0.1:\(match.1)/api.php")!
                return
            }
            usleep(50_000)
        }
        throw TestWikiError(text: "php -S did not start")
    }

    /// Kills the server (its whole process group), keeping the wiki's files.
    func kill() {
        guard server > 0 else { return }
        Foundation.kill(-server, SIGKILL)
        var status: Int32 = 0
        waitpid(server, &status, 0)
        server = 0
    }

    func stop() {
        kill()
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    static func php(_ folder: URL, _ arguments: [String], stdin: String? = nil) throws -> String {
        let script = folder.appendingPathComponent(arguments[0]).path
        let result = try Subprocess.run("/usr/bin/php", [script] + arguments.dropFirst(), environment: ["MW_INSTALL_PATH": folder.path], stdin: stdin)
        guard result.status == 0 else { throw TestWikiError(text: "php \(arguments.first ?? ""): \(result.stdout) \(result.stderr)") }
        return result.stdout
    }
}

struct TestWikiError: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}
