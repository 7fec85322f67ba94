/// What the temperature sensors report (MODEL §8 sensor faults): true readings plus any sensor fault's
/// offset, and the temperature alerts an operator gets from them. Nothing here feeds back into physics.
extension FleetEngine {
    /// A rack's reported hottest die reading, °C.
    func reportedRackDie(_ r: Int) -> Float {
        SliceReductions.max(physics.dieC, topology.rackGPUs[r]) + Float(faults.rackSensorOffsetC[r])
    }

    /// The hottest die reading each hall reports now; halls without a sensor fault report the truth.
    func reportedHallDieMax() -> [Float] {
        (0..<topology.hallCount).map { h in
            let racks = topology.hallRacks[h]
            guard racks.contains(where: { faults.rackSensorOffsetC[$0] != 0 }) else { return physics.hallDieMax[h] }
            return racks.map(reportedRackDie).max() ?? physics.hallDieMax[h]
        }
    }

    /// Opens a hall's temperature alert when a die reading reaches the slowdown threshold, naming the
    /// rack that reads hottest; closes it once every reading is back below the threshold − hysteresis.
    /// Alerts follow the readings, so a false hot reading raises one and a false cold one hides one.
    func temperatureAlerts(at t: Double) {
        hallDieReported = reportedHallDieMax()
        let alertC = Float(spec.thermal.slowdownC), clearC = alertC - Float(spec.thermal.hysteresisK)
        for h in 0..<topology.hallCount {
            let reading = hallDieReported[h]
            if reading >= alertC, alerts.hallTemperature[h] == nil {
                let racks = topology.hallRacks[h]
                let hottest = racks.max { reportedRackDie($0) < reportedRackDie($1) } ?? racks.lowerBound
                let subject = SimEvent.Subject.temperatureAlert(hall: h, rack: topology.rackPath(hottest), readingC: Int(reading.rounded()))
                alerts.hallTemperature[h] = events.open(.alert, subject, at: t)
            } else if reading < clearC, let id = alerts.hallTemperature[h] {
                events.close(id, at: t)
                alerts.hallTemperature[h] = nil
            }
        }
    }
}
