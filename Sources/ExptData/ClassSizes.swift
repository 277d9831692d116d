/// The number of examples of each class when `samples` are split as evenly as possible
/// between `classes`: every class gets `samples / classes`, and the first
/// `samples % classes` classes one more. Classes may get none when `samples < classes`.
///
/// Negative `samples` count as 0 and `classes` below 1 as 1, so this never traps.
func classSizes(samples: Int, classes: Int) -> [Int] {
    let samples = max(samples, 0)
    let classes = max(classes, 1)
    let (quotient, remainder) = samples.quotientAndRemainder(dividingBy: classes)
    return (0..<classes).map { quotient + ($0 < remainder ? 1 : 0) }
}
