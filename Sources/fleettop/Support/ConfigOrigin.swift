import FleetDashboard
import FleetSim

/// Errors about a file the config names (a theme, a fleet) point at the config's line first: the
/// user who never typed the name learns where it came from, then what is wrong inside the file.
enum ConfigOrigin {
    /// Runs `body`, which uses the value `key` = `value` of `config`; a failure is reported as
    /// `config.yaml:LINE: key: cannot use 'value' named here:` followed by the failure's own message.
    /// A setting the config file did not make (a default), or a value that came from elsewhere
    /// (`fromConfig` false: a flag or a drill file), passes the failure through as it is.
    static func attributing<T>(_ key: String, named value: String, in config: FleetConfig, when fromConfig: Bool = true,
                               _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            guard fromConfig, let location = config.origins.location(of: key) else { throw error }
            let inner = (error as? UserFailure)?.message ?? TextSanitizer.clean("\(error)")
            let status = (error as? UserFailure)?.status ?? 2
            throw UserFailure(message: "fleettop: \(TextSanitizer.clean(location)): cannot use '\(TextSanitizer.clean(value))' named here:\n"
                                + inner, status: status)
        }
    }
}
