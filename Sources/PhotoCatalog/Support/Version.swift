/// The tool's version, in `--version` and every report.
public enum PhotoCatalog {
    public static let version = "0.1.0"
}
