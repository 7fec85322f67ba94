import Foundation

/// A caption with `{metric.path}` placeholders filled from the live snapshot, each value written
/// with its unit ("TTFT p99 is {chat.ttft.p99}" → "TTFT p99 is 1.62 s"). `{{` and `}}` write braces.
public struct StoryCaption: Sendable, Equatable {
    /// A piece of caption: literal text or a metric to fill in.
    public enum Segment: Sendable, Equatable {
        case text(String)
        case metric(MetricPath)
    }

    /// The caption as written.
    public let template: String
    public let segments: [Segment]

    /// The problem with a template: the placeholder at fault and why.
    public struct TemplateError: Error, Sendable, Equatable {
        public var placeholder: String
        public var message: String
        public var expected: [String]
    }

    /// Parses a template; every placeholder must be a known metric path.
    public init(_ template: String) throws(TemplateError) {
        self.template = template
        var segments: [Segment] = []
        var text = ""
        var i = template.startIndex
        while i < template.endIndex {
            let c = template[i]
            let next = template.index(after: i)
            if (c == "{" || c == "}"), next < template.endIndex, template[next] == c {
                text.append(c)
                i = template.index(after: next)
                continue
            }
            if c == "}" {
                throw TemplateError(placeholder: "}", message: "a '}' without its '{' (write }} for a brace)", expected: [])
            }
            guard c == "{" else {
                text.append(c)
                i = next
                continue
            }
            guard let close = template[next...].firstIndex(of: "}") else {
                throw TemplateError(placeholder: String(template[i...]), message: "a '{' without its '}'", expected: [])
            }
            let path = template[next..<close].trimmingCharacters(in: .whitespaces)
            let metric: MetricPath
            do {
                metric = try MetricPath(path)
            } catch {
                throw TemplateError(placeholder: path, message: error.message, expected: error.expected)
            }
            if !text.isEmpty { segments.append(.text(text)); text = "" }
            segments.append(.metric(metric))
            i = template.index(after: close)
        }
        if !text.isEmpty { segments.append(.text(text)) }
        self.segments = segments
    }

    /// The metric paths the caption uses, in order.
    public var metrics: [MetricPath] {
        segments.compactMap { if case .metric(let m) = $0 { m } else { nil } }
    }

    /// The caption with every placeholder written from the snapshot ("–" when a value is absent).
    public func render(_ s: Snapshot) -> String {
        segments.map { segment in
            switch segment {
            case .text(let t): t
            case .metric(let m): m.value(in: s).map(m.format) ?? "–"
            }
        }.joined()
    }
}
