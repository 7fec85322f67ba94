extension DrillFile {
    /// Checks every command of the method and the rollback against the fleet it will run on
    /// (`check` is `FleetEngine.validate`; clock commands always apply), so a step that could not apply — a rack the hall does
    /// not have — is refused when the file is loaded, with its line, instead of being logged as
    /// "rejected" while the drill passes. Steps are numbered from 0 in file order, as in every other
    /// diagnostic about the file.
    public func validateCommands(_ check: (FleetCommand) -> Diagnostic?) throws(Diagnostic) {
        let fileOrder = method.indices.sorted { (method[$0].line, $0) < (method[$1].line, $1) }
        let steps = fileOrder.enumerated().map { ("method[\($0.offset)]", method[$0.element].line, method[$0.element].command) }
        let rollbacks = rollback.enumerated().map { ("rollback[\($0.offset)]", 0, $0.element) }
        for (field, line, command) in steps + rollbacks {
            if let fleetCommand = command.fleetCommand, let problem = check(fleetCommand) {
                throw Diagnostic(file: source, line: line, field: field,
                                 message: "'\(CommandFormatter.format(command))' cannot apply to this fleet: \(problem)")
            }
        }
    }
}
