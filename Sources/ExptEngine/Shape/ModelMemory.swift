/// The bytes a network's buffers take for batches of `batch` examples on `threads` threads:
/// 4 · (batch · Σ perExample + threads · Σ perThread + 2 · parameters), from what each layer
/// kind says it allocates (``LayerKind/memory(_:)``) and the parameters with their gradients.
/// In `Double`, so that a hostile model's count cannot overflow.
public enum ModelMemory {
    public static func bytes(layers: [LayerSpec], shapes: [LayerShape], batch: Int, threads: Int) -> Double {
        let memory = zip(layers, shapes).map { $0.0.settings.memory($0.1) }
        let values = Double(batch) * memory.reduce(0) { $0 + $1.perExample }
            + Double(threads) * memory.reduce(0) { $0 + $1.perThread }
            + 2 * Double(ModelShape.parameterCount(shapes))
        return 4 * values
    }
}
