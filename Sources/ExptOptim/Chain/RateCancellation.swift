/// For a stage that puts the step's rate γ into its update itself, where torch multiplies by
/// it (`scale_by_radam`, `scale_by_rprop`): the factor 1 / γ it leaves pending, which the
/// chain's final −γ cancels exactly (γ / γ = 1 in double), and the rate it multiplies by. At a
/// rate of exactly 0 there is nothing to cancel: the stage multiplies by 1 and leaves 1 pending.
extension StepScalars {
    /// 1 / γ, or 1 at a rate of 0.
    var cancelledRate: PendingScale {
        learningRate != 0 ? PendingScale(divisor: learningRate) : PendingScale()
    }

    /// γ, or 1 at a rate of 0.
    var rateToApply: Double {
        learningRate != 0 ? learningRate : 1
    }
}
