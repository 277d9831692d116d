/// The part of expt's version that decides a run's numbers. It is part of every run id, so
/// stored runs are reused only by an expt that would compute the same metrics.
///
/// Bump it with every change that alters results for unchanged settings: an update rule, an
/// initialiser, a data generator, the order of random draws, the metrics recorded.
public enum NumericsVersion {
    public static let current = 1
}
