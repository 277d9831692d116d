import ExptEngine
import Glibc

/// A plain loop over the optimizer benchmarks' 1M-float buffers (4 MB each, held in L2/L3),
/// the memory traffic an optimizer step is measured against: its GB/s is the ceiling for a
/// step that touches the same number of arrays.
struct BandwidthReference {
    enum Kernel {
        /// memcpy of one buffer into another: 2 arrays.
        case copy
        /// y += a·x: 3 arrays, plain SGD's traffic.
        case axpy
        /// y₁ += x, y₂ += x, y₃ += x in one loop: 7 arrays, Adam's traffic.
        case threeAdds
    }

    let name: String
    let kernel: Kernel
    let arraysTouched: Int
    let parameterCount = 1_000_000

    var bytesPerStep: Double { Double(arraysTouched * 4 * parameterCount) }

    func measure(trials: Int, trialSeconds: Double) -> Measurement {
        let buffers = (0..<4).map { _ in FloatBuffer(count: parameterCount) }
        for buffer in buffers { buffer.mutableBuffer.initialize(repeating: 1e-3) }
        let x = buffers[0].buffer, y1 = buffers[1].mutableBuffer, y2 = buffers[2].mutableBuffer, y3 = buffers[3].mutableBuffer
        let count = parameterCount
        // The loops below hold raw pointers, not the buffers: keep them alive.
        return withExtendedLifetime(buffers) { Measurement(unitsPerCall: Double(count), trials: trials, trialSeconds: trialSeconds) {
            switch kernel {
            case .copy:
                memcpy(y1.baseAddress!, x.baseAddress!, count * 4)
            case .axpy:
                for i in 0..<count { y1[i] += -1e-3 * x[i] }
            case .threeAdds:
                for i in 0..<count {
                    let xi = x[i]
                    y1[i] += xi
                    y2[i] += xi
                    y3[i] += xi
                }
            }
        } }
    }

    static let all: [BandwidthReference] = [
        BandwidthReference(name: "ref-memcpy", kernel: .copy, arraysTouched: 2),
        BandwidthReference(name: "ref-axpy", kernel: .axpy, arraysTouched: 3),
        BandwidthReference(name: "ref-three-adds", kernel: .threeAdds, arraysTouched: 7),
    ]
}
