import Foundation
import Testing
import ExptEngine

/// The instruction set the C kernels use: the widest the CPU lists in /proc/cpuinfo, capped by
/// `EXPT_ISA` when the suite runs with it (`EXPT_ISA=baseline swift test`, and so on).
struct InstructionSetTests {
    /// The sets from narrowest to widest.
    static let order: [InstructionSet] = [.baseline, .avx2, .avx512]

    @Test func widestIsTheCPUsWidestCappedByTheEnvironment() throws {
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = Set(cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ").map(String.init) ?? [])
        let detected: InstructionSet = flags.contains("avx512f") ? .avx512
            : flags.contains("avx2") && flags.contains("fma") ? .avx2 : .baseline
        let cap: InstructionSet = switch ProcessInfo.processInfo.environment["EXPT_ISA"] {
        case "baseline": .baseline
        case "avx2": .avx2
        default: .avx512
        }
        let expected = Self.order[min(Self.order.firstIndex(of: detected)!, Self.order.firstIndex(of: cap)!)]
        #expect(InstructionSet.widest == expected)
    }
}
