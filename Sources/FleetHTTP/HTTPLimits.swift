/// How much a metrics endpoint accepts from one client.
public struct HTTPLimits: Sendable, Equatable {
    /// Largest request head read: the target plus header names and values, in bytes (NIO's
    /// `maxHeaderListSize`); a larger one gets 431.
    public var maxHeaderBytes: Int
    /// Wall seconds a client has from connecting to finishing its request head; a slower one gets 408.
    public var readTimeout: Double
    /// Wall seconds a client has to take the whole response before the connection is dropped.
    public var writeTimeout: Double
    /// Connections served at once; more get 503 at once.
    public var maxConnections: Int

    public init(maxHeaderBytes: Int = 8192, readTimeout: Double = 5, writeTimeout: Double = 10, maxConnections: Int = 8) {
        self.maxHeaderBytes = maxHeaderBytes; self.readTimeout = readTimeout
        self.writeTimeout = writeTimeout; self.maxConnections = maxConnections
    }
}
