extension ModelShape {
    /// `(positions, features)` of a sequence input `[positions, features]`, or the error `fail`
    /// makes of any other shape (the transformer layers take sequences only: an `embedding`
    /// makes one of token ids).
    static func positions(_ input: [Int], _ fail: (String) -> ShapeError) throws(ShapeError) -> (positions: Int, features: Int) {
        guard input.count == 2 else {
            throw fail("expects a sequence input [positions, features], found shape \(shapeText(input)); start the model with an embedding")
        }
        return (input[0], input[1])
    }
}
