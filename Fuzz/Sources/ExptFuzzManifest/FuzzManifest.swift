import ExptManifest

/// libFuzzer's entry point: decodes the input as a manifest (YAML parsing included).
///
/// Any result is fine — an experiment or a `ManifestError` — as long as decoding returns:
/// a crash, a trap, a leak or a hang is what the fuzzer looks for. Input that is not UTF-8
/// is skipped, because `ManifestLoader.load` refuses it before decoding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifest(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let buffer = UnsafeBufferPointer(start: bytes, count: bytes == nil ? 0 : count)
    guard let text = String(validating: buffer, as: UTF8.self) else { return 0 }
    _ = try? ManifestLoader.decode(text: text, path: "fuzz.yaml")
    return 0
}
