/// What a schedule's clock counts.
public enum ScheduleInterval: String, Sendable, CaseIterable, Codable {
    /// One tick per epoch: the rate changes between epochs.
    case epoch
    /// One tick per optimizer step (batch).
    case step

    /// The largest tick count a schedule setting takes.
    public static let maximumTicks = 1_000_000_000_000
    /// The range of a setting counted in ticks: 1 to `maximumTicks`.
    public static let tickRange = 1...maximumTicks
}
