import CandorCore

/// The hash every table in this module uses: the input folded into one 64-bit word, then one
/// full avalanche (`mix`), so that both halves of the result are well mixed. `HashTable` takes
/// the home bucket from the high half; tables that keep check bits take them from the low half.
///
/// Not meant to resist chosen inputs: survey values come from the organisation running the
/// survey, and a table's answers stay exact whatever the collisions (only slower).
@usableFromInline package enum StorageHash {
    /// The avalanche: the finalizer of MurmurHash3 (fmix64). Every input bit affects every
    /// output bit, so a word that already is a key exactly (a `PackedKey`, an id's entry word)
    /// hashes with this alone.
    @inlinable @inline(__always)
    package static func mix(_ word: UInt64) -> UInt64 {
        var h = word
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }

    /// The hash of a byte string: its `foldedWords`, then `mix`.
    @inlinable @inline(__always)
    package static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 { mix(bytes.foldedWords()) }
}
