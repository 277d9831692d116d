/// im2col and col2im for one example.
///
/// Row (c, i, j) of `columns` is the input plane c seen through kernel offset (i, j): entry
/// (y, x) is input[c][y·stride − padding + i][x·stride − padding + j], or 0 in the padding.
/// With stride 1 and an output as wide as the input (the usual "same" padding), that row is
/// the plane shifted by one constant offset, so it is copied (or, for col2im, added) as one
/// contiguous block, through a mask that drops the few entries that wrapped around a line's
/// end; otherwise line by line.
extension Conv2DLayer {
    /// Writes the unrolled patches of one example (`input`, channels x height x width) to `columns`.
    func unfold(_ input: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>) {
        forEachPatchRow { row, c, i, j in
            let plane = input + c * height * width
            let line = columns + row * outputArea
            if stride == 1 && outputWidth == width {
                unfoldShifted(plane, into: line, i: i, j: j)
            } else {
                unfoldByLine(plane, into: line, i: i, j: j)
            }
        }
    }

    /// The adjoint of `unfold`: sums every entry of `columns` onto its input position, into
    /// one example's `inputGradient` (overwritten). Entries that fall in the padding are
    /// dropped (on the block path, added as zeros).
    func fold(_ columns: UnsafeMutablePointer<Float>, into inputGradient: UnsafeMutablePointer<Float>) {
        inputGradient.update(repeating: 0, count: inputSize)
        forEachPatchRow { row, c, i, j in
            let plane = inputGradient + c * height * width
            let line = columns + row * outputArea
            if stride == 1 && outputWidth == width {
                foldShifted(line, into: plane, i: i, j: j)
            } else {
                foldByLine(line, into: plane, i: i, j: j)
            }
        }
    }

    // MARK: stride 1, output as wide as the input

    /// The entries of `row` (a block) on the lines y whose input line y − padding + i is inside
    /// the image and with a position in the plane: index k of the row reads plane[k + shift].
    private func shiftedBlock(i: Int, j: Int) -> (shift: Int, start: Int, end: Int) {
        let shift = (i - padding) * width + (j - padding)
        let firstLine = max(0, padding - i), endLine = min(outputHeight, height + padding - i)
        guard firstLine < endLine else { return (shift, 0, 0) }
        let start = max(firstLine * width, -shift)
        let end = min(endLine * width, height * width - shift)
        return (shift, start, max(start, end))
    }

    private func unfoldShifted(_ plane: UnsafePointer<Float>, into row: UnsafeMutablePointer<Float>, i: Int, j: Int) {
        let (shift, start, end) = shiftedBlock(i: i, j: j)
        row.update(repeating: 0, count: start)
        if let mask = wrapMask(j) {
            VectorLoops.copy(plane + start + shift, into: row + start, keeping: mask + start, count: end - start,
                             instructionSet: context.instructionSet)
        } else {
            row.advanced(by: start).update(from: plane + start + shift, count: end - start)
        }
        row.advanced(by: end).update(repeating: 0, count: outputArea - end)
    }

    private func foldShifted(_ row: UnsafeMutablePointer<Float>, into plane: UnsafeMutablePointer<Float>, i: Int, j: Int) {
        let (shift, start, end) = shiftedBlock(i: i, j: j)
        if let mask = wrapMask(j) {
            VectorLoops.add(row + start, into: plane + start + shift, keeping: mask + start, count: end - start,
                            instructionSet: context.instructionSet)
        } else {
            VectorLoops.add(row + start, into: plane + start + shift, count: end - start)
        }
    }

    /// The mask of kernel column j over one unrolled row, or nil when no entry of a block copy
    /// wraps around a line's end (j = padding): 0 where the output column's input column lies
    /// outside the image, where the block copy reads the neighbouring input line instead.
    @inline(__always)
    private func wrapMask(_ j: Int) -> UnsafePointer<Float>? {
        let (first, end) = validColumns(j)
        guard first > 0 || end < outputWidth else { return nil }
        return UnsafePointer(columnMasks.pointer + j * outputArea)
    }

    /// For each kernel column j, a mask over one unrolled row: 1 where the output column's
    /// input column lies inside the image, 0 where it falls in the padding.
    static func columnMasks(kernel: Int, padding: Int, stride: Int, width: Int, outputHeight: Int, outputWidth: Int) -> FloatBuffer {
        let masks = FloatBuffer(count: kernel * outputHeight * outputWidth)
        for j in 0..<kernel {
            for y in 0..<outputHeight {
                for x in 0..<outputWidth {
                    let column = x * stride - padding + j
                    masks.pointer[(j * outputHeight + y) * outputWidth + x] = column >= 0 && column < width ? 1 : 0
                }
            }
        }
        return masks
    }

    // MARK: any stride

    private func unfoldByLine(_ plane: UnsafePointer<Float>, into row: UnsafeMutablePointer<Float>, i: Int, j: Int) {
        let (first, end) = validColumns(j)
        for y in 0..<outputHeight {
            let line = row + y * outputWidth
            let sourceY = y * stride - padding + i
            guard sourceY >= 0 && sourceY < height, first < end else {
                line.update(repeating: 0, count: outputWidth)
                continue
            }
            let source = plane + sourceY * width - padding + j
            line.update(repeating: 0, count: first)
            for x in first..<end { line[x] = source[x * stride] }
            line.advanced(by: end).update(repeating: 0, count: outputWidth - end)
        }
    }

    private func foldByLine(_ row: UnsafeMutablePointer<Float>, into plane: UnsafeMutablePointer<Float>, i: Int, j: Int) {
        let (first, end) = validColumns(j)
        guard first < end else { return }
        for y in 0..<outputHeight {
            let targetY = y * stride - padding + i
            guard targetY >= 0 && targetY < height else { continue }
            let line = row + y * outputWidth
            let target = plane + targetY * width - padding + j
            for x in first..<end { target[x * stride] += line[x] }
        }
    }

    /// The output columns x whose input column x·stride − padding + j lies inside the image.
    @inline(__always)
    private func validColumns(_ j: Int) -> (first: Int, end: Int) {
        let first = max(0, ceilingDivision(padding - j, stride))
        let end = min(outputWidth, ceilingDivision(width + padding - j, stride))
        return (first, max(first, end))
    }

    @inline(__always)
    private func ceilingDivision(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? (a + b - 1) / b : -(-a / b)
    }

    @inline(__always)
    private func forEachPatchRow(_ body: (_ row: Int, _ channel: Int, _ i: Int, _ j: Int) -> Void) {
        var row = 0
        for c in 0..<channels {
            for i in 0..<kernel {
                for j in 0..<kernel {
                    body(row, c, i, j)
                    row += 1
                }
            }
        }
    }
}
