extension Dataset {
    /// Copies the rows at `indices` into preallocated row-major buffers: `features` must hold
    /// `indices.count * featureCount` values and `targets` `indices.count * targetCount`.
    /// Allocates nothing, so the training loop can fill its batch buffers with it every step.
    ///
    /// - Precondition: every index is in `0..<count`.
    public func gather(rows indices: ArraySlice<Int>, features: UnsafeMutablePointer<Float>, targets: UnsafeMutablePointer<Float>) {
        self.features.withUnsafeBufferPointer { sourceFeatures in
            self.targets.withUnsafeBufferPointer { sourceTargets in
                for (row, index) in indices.enumerated() {
                    precondition(index >= 0 && index < count, "row index \(index) is outside 0..<\(count)")
                    if featureCount > 0 {
                        (features + row * featureCount)
                            .update(from: sourceFeatures.baseAddress! + index * featureCount, count: featureCount)
                    }
                    if targetCount > 0 {
                        (targets + row * targetCount)
                            .update(from: sourceTargets.baseAddress! + index * targetCount, count: targetCount)
                    }
                }
            }
        }
    }
}
