/// The version of expt, recorded in every report.
public enum ExptVersion {
    public static let current = "0.1.0"
}
