import ExptConfig
import ExptEngine
import ExptOptim

/// An optimizer that wraps another (`sam`, `lookahead`): its own keys, and `base`, the wrapped
/// optimizer written as any optimizer (a bare name or a mapping, a wrapper included).
///
/// ```yaml
/// optimizer: {name: sam, rho: 0.05, base: {name: sgd, lr: 0.1, momentum: 0.9}}
/// ```
/// The base's `lr` is the run's learning rate, which the schedule scales; the wrapper has no
/// `lr`. A wrapper without a base, a base that names no optimizer (a schedule, a layer) and a
/// base of `sam` that evaluates the loss again itself are reported.
///
/// An optimizer that evaluates the loss again within a step (`lbfgs`, `sam`, or a wrapper
/// around one) moves every parameter before it reads the new gradient, so a run with one has
/// no `param_groups` (each group's optimizer would step on gradients another group's move
/// changed).
extension ManifestDecoder {
    /// The wrapper `Kind` with its keys read from `fields` and its base decoded, or nil after
    /// reporting each problem.
    func wrapperSettings<Kind: OptimizerWrapper>(_ kind: Kind.Type, _ fields: Fields) -> Kind? {
        let own = HyperparameterReader(fields: fields, decoder: self).read(Kind.settings.filter { $0.key != "base" }, over: Kind())
        guard let baseTree = fields.optional("base") else {
            error(fields.tree, "\(Kind.name) is a wrapper around nothing: give it the optimizer it wraps, as in "
                + "base: {name: sgd, lr: 0.1}")
            return nil
        }
        guard let tree = optimizerTree(baseTree), let base = baseOptimizer(tree) else { return nil }
        if Kind.self == SAMHyperparameters.self && base.settings.evaluatesAgain {
            error(tree["name"] ?? tree, "sam cannot wrap \(base.name), which evaluates the loss again itself (at the ascended "
                + "point, not at θ); choose a base that takes one gradient per step, such as sgd or adam")
            return nil
        }
        guard var settings = own else { return nil }
        settings.base = base
        return settings
    }

    /// The optimizer a wrapper's `base` names, or nil after reporting it; a name of another
    /// family is called what it is.
    private func baseOptimizer(_ tree: Tree) -> OptimizerConfig? {
        if let nameTree = tree["name"], let name = nameTree.name, OptimizerRegistry.kind(named: name) == nil {
            let family = ScheduleRegistry.kind(named: name) != nil ? "a schedule"
                : LayerRegistry.kind(named: name) != nil ? "a layer" : nil
            if let family {
                let names = OptimizerRegistry.kinds.map { $0.name }.sorted().joined(separator: ", ")
                error(nameTree, "\(Tree.quote(name)) is \(family), not an optimizer; base takes an optimizer: one of \(names)")
                return nil
            }
        }
        return optimizerConfig(tree)
    }

    /// Reports `param_groups` beside a run optimizer that evaluates the loss again; true when
    /// there is nothing to report.
    func checkGroupsAllowed(optimizer: OptimizerConfig, groups: Tree) -> Bool {
        guard optimizer.settings.evaluatesAgain else { return true }
        error(groups, "param_groups cannot be used with \(optimizer.name), which evaluates the loss again within a step; "
            + "remove param_groups or choose an optimizer that takes one gradient per step")
        return false
    }

    /// Reports a parameter group's optimizer that evaluates the loss again; true when it does not.
    func checkGroupOptimizer(_ optimizer: OptimizerConfig, at tree: Tree) -> Bool {
        guard optimizer.settings.evaluatesAgain else { return true }
        error(tree, "a parameter group cannot use \(optimizer.name), which evaluates the loss again within a step; "
            + "choose an optimizer that takes one gradient per step")
        return false
    }
}
