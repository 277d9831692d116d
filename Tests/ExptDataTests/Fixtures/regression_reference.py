"""Independent reference for the linear and polynomial regression generators.

Reimplements SeededGenerator (SplitMix64 seeding, xoshiro256**, Box-Muller) and the two
generators from their documented definitions, and prints the first examples that
SyntheticDatasetTests pins. Run: python3 regression_reference.py
"""
import math
import struct

MASK = (1 << 64) - 1


class Generator:
    def __init__(self, seed, stream=None):
        if stream is not None:
            seed = seed ^ ((stream * 0xD1B54A32D192ED03) & MASK)
        state = seed
        words = []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            words.append(z ^ (z >> 31))
        self.s = words

    @staticmethod
    def rotl(x, k):
        return ((x << k) | (x >> (64 - k))) & MASK

    def next(self):
        s = self.s
        result = (self.rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = self.rotl(s[3], 45)
        return result

    def double(self):
        return (self.next() >> 11) * 2.0 ** -53

    def uniform(self, low, high):
        value = low + (high - low) * self.double()
        return value if value < high else math.nextafter(high, -math.inf)

    def gaussian(self):
        u1 = 1.0 - self.double()
        u2 = self.double()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


WEIGHTS = 0x52454757  # "REGW"
POINTS = 0x52454750   # "REGP"


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def linear(samples, features, targets, noise, seed):
    w_random = Generator(seed, WEIGHTS)
    weights = [w_random.gaussian() for _ in range(features * targets)]
    random = Generator(seed, POINTS)
    xs, ys = [], []
    for _ in range(samples):
        x = [random.gaussian() for _ in range(features)]
        for output in range(targets):
            y = 0.0
            for i in range(features):
                y += x[i] * weights[i * targets + output]
            ys.append(f32(y + noise * random.gaussian()))
        xs += [f32(v) for v in x]
    return weights, xs, ys


def polynomial(samples, degree, noise, seed):
    w_random = Generator(seed, WEIGHTS)
    coefficients = [w_random.gaussian() for _ in range(degree + 1)]
    random = Generator(seed, POINTS)
    xs, ys = [], []
    for _ in range(samples):
        x = random.uniform(-1.0, 1.0)
        y = 0.0
        for c in reversed(coefficients):
            y = y * x + c
        xs.append(f32(x))
        ys.append(f32(y + noise * random.gaussian()))
    return coefficients, xs, ys


def show(name, values):
    print(f"{name}: [" + ", ".join("%.9g" % v for v in values) + "]")


if __name__ == "__main__":
    weights, xs, ys = linear(samples=3, features=2, targets=2, noise=0.1, seed=4)
    show("linear weights", weights)
    show("linear features", xs)
    show("linear targets", ys)
    coefficients, xs, ys = polynomial(samples=4, degree=3, noise=0, seed=2)
    show("polynomial coefficients", coefficients)
    show("polynomial features", xs)
    show("polynomial targets", ys)
    _, _, ys = polynomial(samples=4, degree=3, noise=0.1, seed=2)
    show("polynomial targets, noise 0.1", ys)
