// TEMPORARY stand-in for SHA256Digest being written on branch `output`.
package final class SHA256Digest {
    package init() {}
    package func update(_ bytes: UnsafeRawBufferPointer) {}
    package func finalizeHex() -> String { "" }
}
