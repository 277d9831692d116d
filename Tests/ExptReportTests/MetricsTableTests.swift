import Testing
import ExptReport

@Suite struct MetricsTableTests {
    @Test func tidyRowsForEveryEpochOfEveryRun() {
        let lines = Fixture.report.metricsCSV().split(separator: "\n").map(String.init)
        #expect(lines[0] == "run_id,variant,seed,epoch,step,metric,value")
        // 4 runs x 3 epochs x 5 metrics.
        #expect(lines.count == 1 + 4 * 3 * 5)
        #expect(Array(lines[1...5]) == [
            "bc3e2d61a2e3c93a,sgd,0,1,1,train_loss,0.7",
            "bc3e2d61a2e3c93a,sgd,0,1,1,val_loss,0.69",
            "bc3e2d61a2e3c93a,sgd,0,1,1,val_accuracy,0.5",
            "bc3e2d61a2e3c93a,sgd,0,1,1,lr,0.1",
            "bc3e2d61a2e3c93a,sgd,0,1,1,seconds,0.5",
        ])
        // adam/1, epoch 3: step 9, elapsed 1.5 s.
        #expect(Array(lines[56...60]) == [
            "484319f4c7df2e6a,adam,1,3,9,train_loss,0.125",
            "484319f4c7df2e6a,adam,1,3,9,val_loss,0.21",
            "484319f4c7df2e6a,adam,1,3,9,val_accuracy,0.94",
            "484319f4c7df2e6a,adam,1,3,9,lr,0.01",
            "484319f4c7df2e6a,adam,1,3,9,seconds,1.5",
        ])
    }

    @Test func accuracyIsLeftOutWhenNotRecorded() {
        let record = Fixture.record(Fixture.adam, seed: 3, stepsPerEpoch: 3, lr: 0.01, [(0.4, 0.5, nil)], seconds: 1)
        let csv = Report(experiment: Fixture.experiment(), records: [record], context: Fixture.context).metricsCSV()
        #expect(csv == """
            run_id,variant,seed,epoch,step,metric,value
            f8e532b7f0791e5e,adam,3,1,3,train_loss,0.4
            f8e532b7f0791e5e,adam,3,1,3,val_loss,0.5
            f8e532b7f0791e5e,adam,3,1,3,lr,0.01
            f8e532b7f0791e5e,adam,3,1,3,seconds,0.5

            """)
    }

    @Test func gradientNormsFollowTheLearningRate() {
        var record = Fixture.record(Fixture.adam, seed: 3, stepsPerEpoch: 3, lr: 0.01, [(0.4, 0.5, nil)], seconds: 1)
        record.epochs[0].gradientNormMean = 1.25
        record.epochs[0].gradientNormMax = 4.0
        let csv = Report(experiment: Fixture.experiment(), records: [record], context: Fixture.context).metricsCSV()
        #expect(csv == """
            run_id,variant,seed,epoch,step,metric,value
            f8e532b7f0791e5e,adam,3,1,3,train_loss,0.4
            f8e532b7f0791e5e,adam,3,1,3,val_loss,0.5
            f8e532b7f0791e5e,adam,3,1,3,lr,0.01
            f8e532b7f0791e5e,adam,3,1,3,grad_norm_mean,1.25
            f8e532b7f0791e5e,adam,3,1,3,grad_norm_max,4.0
            f8e532b7f0791e5e,adam,3,1,3,seconds,0.5

            """)
    }
}
