"""Writes the synthetic 12 x 12 digit images of experiments/optimizers-cnn.yaml as IDX files.

Each image is a seven-segment digit (0 to 9) drawn with a random size, position, slant, stroke
intensity and thickness, plus background noise; the labels are the digits. Only the standard
library is used, with a fixed seed and gzip timestamps of 0, so running this again writes the
same bytes:

    python3 experiments/data/make_digits.py

It writes digits12-{train,test}-{images-idx3,labels-idx1}-ubyte.gz next to itself: 1000
training and 300 test images, in the format of MNIST's files (magic number 0x00000803 for the
images, 0x00000801 for the labels, sizes as big-endian 32-bit integers).
"""
import gzip
import os
import random
import struct

SIZE = 12
# Segments lit for each digit: a top, b upper right, c lower right, d bottom, e lower left,
# f upper left, g middle.
SEGMENTS = {
    0: "abcdef", 1: "bc", 2: "abged", 3: "abgcd", 4: "fgbc",
    5: "afgcd", 6: "afgedc", 7: "abc", 8: "abcdefg", 9: "abcdfg",
}


def draw_line(image, x0, y0, x1, y1, value, thickness):
    steps = int(max(abs(x1 - x0), abs(y1 - y0), 1) * 3)
    for i in range(steps + 1):
        t = i / steps
        x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
        for dx in range(thickness):
            px, py = int(round(x)) + dx, int(round(y))
            if 0 <= px < SIZE and 0 <= py < SIZE:
                image[py][px] = max(image[py][px], value)


def digit_image(digit, rng):
    image = [[0] * SIZE for _ in range(SIZE)]
    width, height = rng.randint(4, 6), rng.randint(7, 9)
    left = rng.randint(1, SIZE - width - 2)
    top = rng.randint(1, SIZE - height - 1)
    slant = rng.uniform(-0.25, 0.25)
    value, thickness = rng.randint(170, 255), rng.choice([1, 1, 2])
    middle = top + height / 2

    def point(x, y):
        # x, y in units of the digit box; the slant shifts the top right and the bottom left.
        return left + x * width + slant * (middle - (top + y * height)), top + y * height

    ends = {
        "a": ((0, 0), (1, 0)), "b": ((1, 0), (1, 0.5)), "c": ((1, 0.5), (1, 1)), "d": ((0, 1), (1, 1)),
        "e": ((0, 0.5), (0, 1)), "f": ((0, 0), (0, 0.5)), "g": ((0, 0.5), (1, 0.5)),
    }
    for segment in SEGMENTS[digit]:
        (xa, ya), (xb, yb) = ends[segment]
        x0, y0 = point(xa, ya)
        x1, y1 = point(xb, yb)
        draw_line(image, x0, y0, x1, y1, value, thickness)
    for row in range(SIZE):
        for column in range(SIZE):
            noise = rng.gauss(0, 25)
            image[row][column] = min(255, max(0, int(image[row][column] + noise)))
    return [pixel for row in image for pixel in row]


def write(path, magic_dims, payload):
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(struct.pack(">I", 0x00000800 | len(magic_dims)))
        for size in magic_dims:
            out.write(struct.pack(">I", size))
        out.write(bytes(payload))


def main():
    rng = random.Random(2020)
    here = os.path.dirname(os.path.abspath(__file__))
    for split, count in (("train", 1000), ("test", 300)):
        labels = [i % 10 for i in range(count)]
        rng.shuffle(labels)
        pixels = []
        for label in labels:
            pixels += digit_image(label, rng)
        write(os.path.join(here, f"digits12-{split}-images-idx3-ubyte.gz"), (count, SIZE, SIZE), pixels)
        write(os.path.join(here, f"digits12-{split}-labels-idx1-ubyte.gz"), (count,), labels)


if __name__ == "__main__":
    main()
