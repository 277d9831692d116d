/// Settings of the two interleaving half circles (`moons`).
public struct MoonsSettings: Sendable, Hashable, Codable {
    /// Total examples, split evenly between the two moons. Default 1000.
    public var samples: Int = 1000
    /// Standard deviation of the Gaussian noise on each coordinate. Default 0.1.
    public var noise: Double = 0.1

    public init(samples: Int = 1000, noise: Double = 0.1) {
        self.samples = samples
        self.noise = noise
    }
}

/// Settings of two concentric circles (`circles`).
public struct CirclesSettings: Sendable, Hashable, Codable {
    /// Total examples, split evenly between the circles. Default 1000.
    public var samples: Int = 1000
    /// Standard deviation of the Gaussian noise on each coordinate. Default 0.05.
    public var noise: Double = 0.05
    /// Radius of the inner circle (the outer one has radius 1), in (0, 1). Default 0.5.
    public var factor: Double = 0.5

    public init(samples: Int = 1000, noise: Double = 0.05, factor: Double = 0.5) {
        self.samples = samples
        self.noise = noise
        self.factor = factor
    }
}

/// Settings of the XOR quadrants (`xor`).
public struct XORSettings: Sendable, Hashable, Codable {
    /// Total examples, split evenly between the two classes. Default 1000.
    public var samples: Int = 1000
    /// Standard deviation of the Gaussian noise on each coordinate. Default 0.1.
    public var noise: Double = 0.1

    public init(samples: Int = 1000, noise: Double = 0.1) {
        self.samples = samples
        self.noise = noise
    }
}

/// Settings of linear regression (`linear`).
public struct LinearSettings: Sendable, Hashable, Codable {
    /// Total examples. Default 1000.
    public var samples: Int = 1000
    /// Inputs per example. Default 2.
    public var features: Int = 2
    /// Outputs per example. Default 1.
    public var targets: Int = 1
    /// Standard deviation of the Gaussian noise on each target. Default 0.1.
    public var noise: Double = 0.1

    public init(samples: Int = 1000, features: Int = 2, targets: Int = 1, noise: Double = 0.1) {
        self.samples = samples
        self.features = features
        self.targets = targets
        self.noise = noise
    }
}

/// Settings of one-dimensional polynomial regression (`polynomial`).
public struct PolynomialSettings: Sendable, Hashable, Codable {
    /// Total examples. Default 1000.
    public var samples: Int = 1000
    /// Degree of the polynomial. Default 3.
    public var degree: Int = 3
    /// Standard deviation of the Gaussian noise on the target. Default 0.1.
    public var noise: Double = 0.1

    public init(samples: Int = 1000, degree: Int = 3, noise: Double = 0.1) {
        self.samples = samples
        self.degree = degree
        self.noise = noise
    }
}
