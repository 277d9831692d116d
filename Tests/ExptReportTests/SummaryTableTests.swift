import Testing
import ExptManifest
import ExptOptim
import ExptStore
import ExptReport

@Suite struct SummaryTableTests {
    @Test func summaryCSVCellByCell() {
        let lines = Fixture.report.summaryCSV().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The hyperparameter columns are the union in order of first appearance: SGD's five,
        // then Adam's that SGD lacks (lr and weight_decay are shared).
        #expect(lines[0] == "run_id,variant,seed,optimizer,batch_size,epochs,lr,momentum,dampening,nesterov,weight_decay,beta1,beta2,eps,amsgrad,"
            + "final_train_loss,final_val_loss,final_val_accuracy,best_val_accuracy,best_epoch,steps,seconds,status")
        // sgd/0 ties its best accuracy 0.8 at epochs 2 and 3: the first, 2, is reported.
        #expect(lines[1] == "bc3e2d61a2e3c93a,sgd,0,sgd,80,3,0.1,0.9,0.0,false,0.0,,,,,0.5,0.55,0.8,0.8,2,3,1.75,complete")
        #expect(lines[2] == "9b9fcea68042c3f5,sgd,1,sgd,80,3,0.1,0.9,0.0,false,0.0,,,,,0.52,0.58,0.75,0.75,3,3,1.25,complete")
        // adam/0 peaks at epoch 2 (0.95) and ends lower (0.9).
        #expect(lines[3] == "6d1d4d6de830d58c,adam,0,adam,32,3,0.01,,,,0.0,0.9,0.999,1e-08,false,0.15,0.25,0.9,0.95,2,9,2.0,complete")
        #expect(lines[4] == "484319f4c7df2e6a,adam,1,adam,32,3,0.01,,,,0.0,0.9,0.999,1e-08,false,0.125,0.21,0.94,0.94,3,9,3.0,complete")
        #expect(lines[5] == "")
        #expect(lines.count == 6)
    }

    @Test func lossComparisonRegressionAndRunsWithoutEpochs() {
        let regression = Fixture.record(Fixture.adam, seed: 0, stepsPerEpoch: 3, lr: 0.01,
                                        [(0.4, 0.5, nil), (0.3, 0.45, nil), (0.2, 0.47, nil)], seconds: 1)
        let failed = Fixture.record(Fixture.adam, seed: 1, stepsPerEpoch: 3, lr: 0.01, [], seconds: 0.5,
                                    status: .failed(reason: "no memory"))
        let experiment = Fixture.experiment(variants: [Fixture.adam], compare: Comparison(metric: .validationLoss))
        let lines = Report(experiment: experiment, records: [regression, failed], context: Fixture.context)
            .summaryCSV().split(separator: "\n").map(String.init)
        #expect(lines[0] == "run_id,variant,seed,optimizer,batch_size,epochs,lr,beta1,beta2,eps,weight_decay,amsgrad,"
            + "final_train_loss,final_val_loss,final_val_accuracy,best_val_loss,best_epoch,steps,seconds,status")
        // No accuracy in regression; val_loss is minimised, best 0.45 at epoch 2.
        #expect(lines[1] == "6d1d4d6de830d58c,adam,0,adam,32,3,0.01,0.9,0.999,1e-08,0.0,false,0.2,0.47,,0.45,2,9,1.0,complete")
        #expect(lines[2] == "484319f4c7df2e6a,adam,1,adam,32,3,0.01,0.9,0.999,1e-08,0.0,false,,,,,,,0.5,failed")
    }

    @Test func divergedRunCountsStepsToDivergence() {
        let diverged = Fixture.record(Fixture.sgd, seed: 1, stepsPerEpoch: 1, lr: 0.1, [(0.9, 0.8, 0.5)],
                                      seconds: 0.25, status: .diverged(step: 2))
        let lines = Report(experiment: Fixture.experiment(), records: [diverged], context: Fixture.context)
            .summaryCSV().split(separator: "\n").map(String.init)
        #expect(lines[1] == "9b9fcea68042c3f5,sgd,1,sgd,80,3,0.1,0.9,0.0,false,0.0,0.9,0.8,0.5,0.5,1,2,0.25,diverged")
    }

    @Test func cellsWithCommasAndQuotesAreQuoted() {
        var variant = Fixture.sgd
        variant.name = "wide, \"fast\""
        let record = Fixture.record(variant, seed: 0, stepsPerEpoch: 1, lr: 0.1, [(0.5, 0.5, 0.5)], seconds: 1)
        let csv = Report(experiment: Fixture.experiment(variants: [variant]), records: [record], context: Fixture.context).summaryCSV()
        #expect(csv.split(separator: "\n")[1].hasPrefix("ab438589cc1ca70e,\"wide, \"\"fast\"\"\",0,sgd,80,"))
        let metrics = Report(experiment: Fixture.experiment(variants: [variant]), records: [record], context: Fixture.context).metricsCSV()
        #expect(metrics.split(separator: "\n")[1] == "ab438589cc1ca70e,\"wide, \"\"fast\"\"\",0,1,1,train_loss,0.5")
    }
}
