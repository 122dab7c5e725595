/// What reading one field of one record gave.
enum DecodedValue {
    /// An accepted value (see `ResponseBatch` for its meaning).
    case value(Int64)
    /// Nothing was written.
    case blank
    /// A declared non-answer such as "Don't know".
    case nonAnswer
    /// A present value the type does not accept, with why (without the location).
    case invalid(String)
}
