import Foundation

/// Runs a program to completion with posix_spawn and waitpid. Foundation's `Process` on Linux
/// now and then never returns from `waitUntilExit` when many children end at once, and the
/// crash tests start hundreds; output goes to temporary files, so no pipe can fill up either.
enum Subprocess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The signal that ended the process, if one did.
        var signal: Int32?
    }

    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        stdin: String? = nil
    ) throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("photocat-subprocess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout").path, err = folder.appendingPathComponent("stderr").path
        let pid = try spawn(
            executable, arguments, environment: environment, stdin: stdin ?? "/dev/null", stdout: out, stderr: err,
            ownGroup: false)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        // WIFSIGNALED / WTERMSIG / WEXITSTATUS, which Swift does not import as functions.
        let signal = status & 0x7F
        let exited = signal == 0
        return Outcome(
            status: exited ? (status >> 8) & 0xFF : signal, stdout: text(of: out), stderr: text(of: err),
            signal: exited ? nil : signal)
    }

    /// Starts a program in a process group of its own (so one signal stops it and its children),
    /// with both outputs in `log`, and returns its process id without waiting.
    static func spawn(_ executable: String, _ arguments: [String], environment: [String: String] = [:], log: String) throws -> pid_t {
        try spawn(executable, arguments, environment: environment, stdin: "/dev/null", stdout: log, stderr: log, ownGroup: true)
    }

    private static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String], stdin: String,
        stdout: String, stderr: String, ownGroup: Bool
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        if stderr == stdout {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if ownGroup {
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        let variables = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }.map { "\($0)=\($1)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        return pid
    }

    /// A file's text. (FoundationEssentials' `String(contentsOfFile:)` leaks a buffer for an
    /// empty file, which LeakSanitizer would report on every quiet child.)
    static func text(of path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        return String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
    }
}
