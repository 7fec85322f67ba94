import ArgumentParser
import FleetSim

/// One place that turns a command's errors into a message on standard error and an exit status, so
/// every command reports bad input the same way, before the terminal is touched.
enum CommandErrors {
    /// Runs `body`: a `UserFailure` exits with its own status, a bad file (a `Diagnostic`, which names
    /// the file) with 2, any other error with 2 after `context: error`; exit codes pass through.
    static func reporting(_ context: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch let failure as UserFailure {
            Stderr.print(failure.message)
            throw ExitCode(failure.status)
        } catch let error as Diagnostic {
            Stderr.print(error.description)
            throw ExitCode(DrillExitStatus.badFile.rawValue)
        } catch {
            Stderr.print("\(context): \(error)")
            throw ExitCode(2)
        }
    }
}
