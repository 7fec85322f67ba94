import Foundation

/// The JSON coding every campaign file uses: snake_case keys, sorted, slashes unescaped, and
/// numbers written so they read back to the same `Double` (so a merged report equals a single run's).
enum CampaignJSON {
    static func encoder(pretty: Bool) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .convertToSnakeCase
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    /// A value as JSON text (pretty ones end with a newline).
    static func text<T: Encodable>(_ value: T, pretty: Bool) -> String {
        guard let data = try? encoder(pretty: pretty).encode(value), let text = String(data: data, encoding: .utf8) else { return "{}" }
        return pretty ? text + "\n" : text
    }
}
