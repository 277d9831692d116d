import ExptConfig

/// Every equation `a op b = c` over the integers modulo a prime p (Power et al. 2022, the
/// grokking datasets): c = (a op b) mod p for op one of +, −, ×, ÷, where ÷ multiplies by the
/// modular inverse, b⁻¹ = b^(p−2) mod p (Fermat), and takes b ≠ 0.
///
/// Each example is the four tokens [a, op, b, =] as ids stored as `Float`: 0…p−1 the numbers,
/// p … p+3 the operations + − × ÷, p+4 the `=` sign (a vocabulary of p + 5 ids); its target
/// is the class c in 0…p−1. The examples are every pair in order, a then b (p² of them, p(p−1)
/// for ÷). `train_fraction` of them are trained on, the rest validate: the split is the
/// manifest's usual one, shuffled with the data seed (``DatasetKind/validationFraction`` is
/// 1 − `train_fraction`).
public struct ModularArithmeticSettings: GeneratedDataset {
    /// The operation of the equations.
    public enum Operation: String, Sendable, CaseIterable, Codable {
        case add, subtract, multiply, divide

        /// The operation's token, after the p numbers.
        var tokenOffset: Int {
            Self.allCases.firstIndex(of: self)!
        }
    }

    public static let name = "modular_arithmetic"
    public static let summary = "Equations a op b = c modulo a prime, as tokens [a, op, b, =] (grokking)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("p", .integer(\.p, 2...DatasetLimits.maximumClasses), "The prime modulus: the numbers and the classes."),
         Hyperparameter("operation", .choice(.of(\.operation)), "The operation: (a op b) mod p; divide multiplies by b's inverse."),
         Hyperparameter("train_fraction", .number(\.trainFraction, .openUnit),
                        "Fraction of the equations trained on; the rest validate (the split the data seed shuffles).")]
    }

    /// The prime modulus. Default 97 (the paper's).
    public var p = 97
    /// The operation. Default add.
    public var operation = Operation.add
    /// The fraction of the equations trained on. Default 0.5.
    public var trainFraction = 0.5

    public init() {}

    public init(p: Int, operation: Operation, trainFraction: Double = 0.5) {
        self.p = p
        self.operation = operation
        self.trainFraction = trainFraction
    }

    public func conflict() -> HyperparameterConflict? {
        (2..<p).contains { $0 * $0 <= p && p % $0 == 0 }
            ? HyperparameterConflict(key: "p", involving: [], message: "expected a prime p, found \(p)") : nil
    }

    /// p² equations, or p(p − 1) for divide (no b = 0).
    public var samples: Int { operation == .divide ? p * (p - 1) : p * p }
    public var classCount: Int? { p }
    public var inputShape: [Int]? { [4] }
    /// The p numbers, the four operations and `=`.
    public var vocabularySize: Int? { p + 5 }
    public var validationFraction: Double? { 1 - trainFraction }

    /// c = (a op b) mod p, in 0…p−1.
    func result(_ a: Int, _ b: Int) -> Int {
        switch operation {
        case .add: (a + b) % p
        case .subtract: ((a - b) % p + p) % p
        case .multiply: a * b % p
        case .divide: a * inverse(b) % p
        }
    }

    /// b⁻¹ mod p = b^(p−2) mod p, by repeated squaring.
    func inverse(_ b: Int) -> Int {
        var (result, base, exponent) = (1, b % p, p - 2)
        while exponent > 0 {
            if exponent & 1 == 1 { result = result * base % p }
            base = base * base % p
            exponent >>= 1
        }
        return result
    }

    /// Every equation, a then b in order; the seed draws nothing.
    public func generate(seed: UInt64) -> Dataset {
        var features: [Float] = []
        var targets: [Float] = []
        for a in 0..<p {
            for b in (operation == .divide ? 1 : 0)..<p {
                features += [Float(a), Float(p + operation.tokenOffset), Float(b), Float(p + 4)]
                targets.append(Float(result(a, b)))
            }
        }
        return Dataset(count: targets.count, featureCount: 4, features: features,
                       targetCount: 1, targets: targets, classCount: p)
    }
}
