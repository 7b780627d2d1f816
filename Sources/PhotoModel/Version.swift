/// The tool's version, in `--version` and every report.
public enum PhotocatVersion {
    public static let current = "0.1.0"
}
