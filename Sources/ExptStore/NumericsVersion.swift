/// The part of expt's version that decides a run's numbers. It is part of every run id, so
/// stored runs are reused only by an expt that would compute the same metrics.
///
/// Bump it with every change that alters results for unchanged settings: an update rule, an
/// initialiser, a data generator, the order of random draws, the metrics recorded.
///
/// 2: vectorised exp, tanh and logistic function (last bits of tanh, sigmoid, GRU and LSTM
/// results), and new summation orders in the conv bias gradient and LSTM.
/// 3: expt's own matrix multiply instead of OpenBLAS's (sums of k in blocks of at most 256,
/// one fused multiply-add per product), and the convolutions' weight and bias gradients summed
/// per chunk of 8 examples: the last bits of every model's results, now the same on every
/// machine and for every thread count.
public enum NumericsVersion {
    public static let current = 3
}
