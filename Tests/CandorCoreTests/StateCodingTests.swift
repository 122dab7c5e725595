import CandorCore
import Testing

/// `StateWriter` and `StateReader`: values come back bit for bit, and lengths are checked.
@Suite struct StateCodingTests {
    @Test func valuesComeBackBitForBit() throws {
        var writer = StateWriter()
        writer.integer(-3)
        writer.double(0.1 + 0.2)
        writer.double(-.zero)
        writer.bool(true)
        writer.string("Zoë")
        writer.integers([1, Int.max])
        writer.doubles([.infinity])
        writer.strings(["a", ""])
        var reader = StateReader(writer.bytes)
        #expect(try reader.integer() == -3)
        #expect(try reader.double().bitPattern == (0.1 + 0.2).bitPattern)
        #expect(try reader.double().bitPattern == (-Double.zero).bitPattern)
        #expect(try reader.bool())
        #expect(try reader.string() == "Zoë")
        #expect(try reader.integers() == [1, Int.max])
        #expect(try reader.doubles() == [.infinity])
        #expect(try reader.strings() == ["a", ""])
        #expect(reader.isAtEnd)
    }

    @Test func integersAreLittleEndian() {
        var writer = StateWriter()
        writer.integer(0x0102)
        #expect(writer.bytes == [2, 1, 0, 0, 0, 0, 0, 0])
    }

    @Test func aCountPastTheBytesLeftIsAnError() {
        var writer = StateWriter()
        writer.integer(1 << 40)
        var reader = StateReader(writer.bytes)
        #expect(throws: StateDecodingError(offset: 0, "a count of 1099511627776 does not fit the bytes left")) {
            _ = try reader.integers()
        }
    }

    @Test func aByteThatIsNoBooleanIsAnError() {
        var reader = StateReader([2])
        #expect(throws: StateDecodingError(offset: 0, "expected a boolean byte")) { _ = try reader.bool() }
    }
}
