/// im2col and col2im for one example.
///
/// Row (c, i, j) of `columns` is the input plane c seen through kernel offset (i, j): entry
/// (y, x) is input[c][y·stride − padding + i][x·stride − padding + j], or 0 in the padding.
/// With stride 1 and an output as wide as the input (the usual "same" padding), that row is
/// the plane shifted by one constant offset, so it is copied (or, for col2im, added) as one
/// contiguous block, and only the few entries that wrapped around a line's end are fixed up;
/// otherwise line by line.
extension Conv2DLayer {
    /// Writes the unrolled patches of one example (`input`, channels x height x width) to `columns`.
    func unfold(_ input: UnsafePointer<Float>) {
        forEachPatchRow { row, c, i, j in
            let plane = input + c * height * width
            let line = columns.pointer + row * outputArea
            if stride == 1 && outputWidth == width {
                unfoldShifted(plane, into: line, i: i, j: j)
            } else {
                unfoldByLine(plane, into: line, i: i, j: j)
            }
        }
    }

    /// The adjoint of `unfold`: sums every entry of `columns` onto its input position, into
    /// one example's `inputGradient` (overwritten). Entries that fall in the padding are
    /// dropped (and, on the block path, set to zero in `columns` first).
    func fold(into inputGradient: UnsafeMutablePointer<Float>) {
        inputGradient.update(repeating: 0, count: inputSize)
        forEachPatchRow { row, c, i, j in
            let plane = inputGradient + c * height * width
            let line = columns.pointer + row * outputArea
            if stride == 1 && outputWidth == width {
                foldShifted(line, into: plane, i: i, j: j)
            } else {
                foldByLine(line, into: plane, i: i, j: j)
            }
        }
    }

    // MARK: stride 1, output as wide as the input

    /// The lines y whose input line y − padding + i is inside the image, and the entries of
    /// `row` (a block) that have an input position: index k of the row reads plane[k + shift].
    private func shiftedBlock(i: Int, j: Int) -> (shift: Int, start: Int, end: Int, lines: Range<Int>) {
        let shift = (i - padding) * width + (j - padding)
        let firstLine = max(0, padding - i), endLine = min(outputHeight, height + padding - i)
        guard firstLine < endLine else { return (shift, 0, 0, 0..<0) }
        let start = max(firstLine * width, -shift)
        let end = min(endLine * width, height * width - shift)
        return (shift, start, max(start, end), firstLine..<endLine)
    }

    private func unfoldShifted(_ plane: UnsafePointer<Float>, into row: UnsafeMutablePointer<Float>, i: Int, j: Int) {
        let (shift, start, end, lines) = shiftedBlock(i: i, j: j)
        row.update(repeating: 0, count: start)
        row.advanced(by: start).update(from: plane + start + shift, count: end - start)
        row.advanced(by: end).update(repeating: 0, count: outputArea - end)
        zeroWrappedEntries(row, lines: lines, j: j)
    }

    private func foldShifted(_ row: UnsafeMutablePointer<Float>, into plane: UnsafeMutablePointer<Float>, i: Int, j: Int) {
        let (shift, start, end, lines) = shiftedBlock(i: i, j: j)
        zeroWrappedEntries(row, lines: lines, j: j)
        VectorLoops.add(row + start, into: plane + start + shift, count: end - start)
    }

    /// Zeroes, on each line of `lines`, the entries whose input column x − padding + j lies
    /// outside the image (the block copy filled them from the neighbouring input line): one
    /// vectorised pass with the kernel column's mask (a call to memset per line cost more
    /// than the copy itself).
    @inline(__always)
    private func zeroWrappedEntries(_ row: UnsafeMutablePointer<Float>, lines: Range<Int>, j: Int) {
        let (first, end) = validColumns(j)
        guard first > 0 || end < outputWidth, !lines.isEmpty else { return }
        let start = lines.lowerBound * outputWidth
        VectorLoops.zero(row + start, unless: columnMasks.pointer + j * outputArea + start,
                         count: lines.count * outputWidth)
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
