/// A layer that keeps values beside its parameters that training changes but no optimizer
/// steps (batch normalisation's running statistics): torch's module buffers, which a
/// `state_dict` holds after the parameters of the same module.
protocol StatefulLayer: Layer {
    /// The buffers, named as torch names them in the equivalent module, in its order.
    var stateTensors: [(name: String, buffer: FloatBuffer)] { get }
}

extension BatchNormLayer: StatefulLayer {
    /// `running_mean` and `running_var` of `BatchNorm1d`/`BatchNorm2d`, one value per channel.
    var stateTensors: [(name: String, buffer: FloatBuffer)] {
        [("running_mean", runningMean), ("running_var", runningVariance)]
    }
}
