import Testing
@testable import ExptReport

/// expt's TensorBoard records against the bytes TensorBoard's own Python code writes for the
/// same messages (Tests/tensorboard/reference_bytes.py prints them; tensorboard 2.21.0).
@Suite struct TensorBoardEncodingTests {
    static let start = 1_764_763_200.25

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    @Test func crc32cCheckValueAndItsMask() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.maskedChecksum(Array("123456789".utf8)) == 0xC78A_B0E5)
        // The empty message: the initial value inverted back, 0; masked: 0 rotated plus the delta.
        #expect(CRC32C.checksum([UInt8]()) == 0)
        #expect(CRC32C.maskedChecksum([UInt8]()) == 0xA282_EAD8)
    }

    @Test func varintsUseSevenBitsAByteLowFirst() {
        #expect(ProtobufWriter.varint(0) == [0x00])
        #expect(ProtobufWriter.varint(127) == [0x7F])
        #expect(ProtobufWriter.varint(128) == [0x80, 0x01])
        #expect(ProtobufWriter.varint(300) == [0xAC, 0x02])
        #expect(ProtobufWriter.varint(UInt64.max) == [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
    }

    @Test func fileVersionRecord() {
        let event = TensorBoardEvent(wallTime: Self.start, step: 0, content: .fileVersion(TensorBoardEvent.fileVersion))
        #expect(Self.hex(event.record) == "1800000000000000a37f4b220900001090094cda411a0d627261696e2e4576656e743a322854bc68")
    }

    @Test func scalarRecordWritesAZeroValueToo() {
        let event = TensorBoardEvent(wallTime: Self.start + 1.5, step: 40, content: .summary([
            .scalar("train_loss", 0.25), .scalar("val_accuracy", 0.8125), .scalar("lr", 0),
        ]))
        #expect(Self.hex(event.record) == "40000000000000002817f4950900007090094cda4110282a330a110a0a747261696e5f6c6f7373150000803e"
            + "0a130a0c76616c5f6163637572616379150000503f0a090a026c7215000000006ec368cf")
    }

    @Test func sessionStartRecordOrdersTheHyperparametersByName() {
        let start = HParamsPluginData.sessionStart(hparams: [
            "variant": .text("adam"), "optimizer": .text("adam"), "lr": .number(0.001), "seed": .number(0), "nesterov": .flag(false),
        ], startTime: Self.start)
        let event = TensorBoardEvent(wallTime: Self.start, step: 0, content: .summary([start.summaryValue]))
        #expect(Self.hex(event.record) == "ab0000000000000085430b280900001090094cda412a9f010a9c010a1c5f68706172616d735f2f73657373696f6e"
            + "5f73746172745f696e666f42060801120212004a740a720a0768706172616d7312671a650a0f0a026c72120911fca9f1d24d62503f0a0e0a086e"
            + "65737465726f76120220000a130a096f7074696d697a657212061a046164616d0a110a047365656412091100000000000000000a110a0776617269"
            + "616e7412061a046164616d2900001090094cda41f1d45683")
    }

    @Test func sessionEndRecord() {
        let end = HParamsPluginData.sessionEnd(status: .success, endTime: Self.start + 2)
        let event = TensorBoardEvent(wallTime: Self.start + 2, step: 40, content: .summary([end.summaryValue]))
        #expect(Self.hex(event.record) == "4f000000000000006c474f930900009090094cda4110282a420a400a1a5f68706172616d735f2f73657373696f6e"
            + "5f656e645f696e666f42060801120212004a1a0a180a0768706172616d73120d220b08011100009090094cda416de0985e")
    }

    @Test func experimentRecord() {
        let experiment = HParamsExperiment(
            name: "adam-vs-sgd", description: "Adam against SGD.", timeCreated: Self.start,
            hparams: [
                .init(name: "optimizer", domain: .discrete([.text("adam"), .text("sgd")])),
                .init(name: "lr", domain: .interval(min: 0.001, max: 0.1)),
                .init(name: "nesterov", domain: .discrete([.flag(false), .flag(true)])),
            ],
            metrics: [.init(tag: "train_loss", dataset: .training), .init(tag: "val_accuracy", dataset: .validation),
                      .init(tag: "seconds", dataset: .unknown)])
        let event = TensorBoardEvent(wallTime: Self.start, step: 0, content: .summary([HParamsPluginData.experiment(experiment).summaryValue]))
        #expect(Self.hex(event.record) == "f200000000000000265d02960900001090094cda412ae6010ae3010a145f68706172616d735f2f6578706572696d"
            + "656e7442060801120212004ac2010abf010a0768706172616d7312b30112b0010a114164616d20616761696e7374205347442e1900001090094cda"
            + "41221e0a096f7074696d697a657220012a0f0a061a046164616d0a051a03736764221a0a026c722003321209fca9f1d24d62503f119a9999999999"
            + "b93f22160a086e65737465726f7620022a080a0220000a0220012a100a0c120a747261696e5f6c6f737328012a120a0e120c76616c5f6163637572"
            + "61637928022a0b0a0912077365636f6e6473320b6164616d2d76732d73676425b70112")
    }
}
