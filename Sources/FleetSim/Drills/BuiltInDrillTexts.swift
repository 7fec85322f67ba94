/// The YAML of the built-in drills. Thresholds are tuned on the demo fleet (seed 7); each
/// description says what the drill shows and why it is meant to pass, fail or abort.
enum BuiltInDrillTexts {
    static let metroCoolingLoss = """
    name: metro cooling loss at peak
    description: >
      Hall 1 of metro-edge (air-cooled) loses 80% of its cooling at the afternoon peak for fifteen
      minutes. Inlets creep up, GPUs throttle at 87 °C, the router moves work to the other hall and
      the far sites. Designed to pass: chat keeps its 2 s TTFT target, goodput stays near its usual
      level, and once the cooling is back no GPU of the hall is left shut down.
    fleet: demo
    seed: 7
    duration: 30m
    steady_state:
      - metric: chat.ttft.p99
        below: 2s
      - metric: goodput
        above: 75%
        continuous: true
        tolerance: 2m
      - metric: sites.metro-edge.h1.gpus_shut_down
        below: 1
    method:
      - at: 5m
        fault: cooling
        target: {site: metro-edge, hall: 1}
        magnitude: 80%
        ramp: 1m
        for: 15m
    stop_when:
      - metric: gpus_down_ratio
        above: 20%
    rollback:
      - repair all
    """

    static let gridBrownout = """
    name: grid brownout with demand response
    description: >
      The utility asks metro-edge to drop to 70% of its grid limit for fifteen minutes (demand
      response). The governor lowers GPU power caps until facility power is under the new limit;
      prefill slows first, decode only when caps fall near 380 W. Designed to pass: the site stays
      under its cap within seconds and chat TTFT stays inside its target.
    fleet: demo
    seed: 7
    duration: 25m
    steady_state:
      - metric: sites.metro-edge.power_headroom_kw
        above: -1kW
        continuous: true
        tolerance: 30s
      - metric: chat.ttft.p99
        below: 2s
    method:
      - at: 5m
        fault: power-cap
        target: {site: metro-edge}
        magnitude: 70%
        for: 15m
    rollback:
      - repair all
    """

    static let agenticSurge = """
    name: agentic surge
    description: >
      After forty calm minutes (long enough that agent tasks of every length are in flight), agent
      traffic quadruples over two minutes and stays there for twenty. Agents under load chain more
      calls, and a task waits for each of them in turn. Designed to fail: chat keeps its first-token
      target and a single agent call's p99 stays under a minute, but the typical whole task slows
      past 2.5 minutes, the gap an operator must see before agents arrive for real: per-call
      dashboards stay green while the people waiting on agents wait longer.
    fleet: demo
    seed: 7
    duration: 65m
    steady_state:
      - metric: chat.ttft.p99
        below: 2s
      - metric: agentic.call_p99
        below: 60s
      - metric: agentic.task_e2e.p50
        below: 2.5m
    method:
      - at: 40m
        surge: agentic
        factor: 4
        ramp: 2m
        for: 20m
    rollback:
      - repair all
    """

    static let rackFailuresDuringSurge = """
    name: rack and top-of-rack switch failures during a surge
    description: >
      Chat demand doubles; while it is high, a tenth of the regional racks lose their PDUs and a remote
      top-of-rack switch fails. Their requests retry elsewhere after the timeout and the router
      shifts load. Designed to pass: retries are counted, never lost, and chat keeps its targets
      because the fleet has headroom.
    fleet: demo
    seed: 7
    duration: 30m
    steady_state:
      - metric: chat.ttft.p99
        below: 2s
      - metric: chat.dropped
        below: 1
    method:
      - at: 5m
        surge: chat
        factor: 2
        ramp: 1m
        for: 15m
      - at: 8m
        fault: rack
        target: {site: regional, percent: 10}
        for: 10m
      - at: 10m
        fault: rack
        target: {site: remote-campus, hall: 2, rack: 5}
        for: 5m
    rollback:
      - repair all
    """

    static let metroPartition = """
    name: metro network partition
    description: >
      metro-edge is cut off from its users for ten minutes. The router gives it weight zero at
      once and traffic spills to regional (20 ms) and remote-campus (60 ms); TTFT rises by about
      the round-trip difference. Designed to pass: the far sites absorb the load within the chat
      TTFT target, and the metro site takes traffic back after the repair.
    fleet: demo
    seed: 7
    duration: 25m
    steady_state:
      - metric: chat.ttft.p99
        below: 2s
      - metric: sites.metro-edge.traffic_share
        above: 5%
    method:
      - at: 5m
        fault: network
        target: {site: metro-edge}
        magnitude: 100%
        for: 10m
    stop_when:
      - metric: goodput
        below: 50%
        tolerance: 1m
    rollback:
      - repair all
    """

    static let coolingCliffAbort = """
    name: total metro cooling loss (stop condition)
    description: >
      Both metro-edge halls lose all cooling and nobody repairs them. Air racks reach shutdown in
      minutes: a slow creep, then a cliff. Designed to abort: the stop condition fires when a tenth
      of the fleet's GPUs are down, the method stops, and the rollback restores cooling.
    fleet: demo
    seed: 7
    duration: 30m
    steady_state:
      - metric: goodput
        above: 75%
    method:
      - at: 3m
        fault: cooling
        target: {site: metro-edge}
        magnitude: 100%
      - at: 25m
        surge: all
        factor: 1.5
    stop_when:
      - metric: gpus_down_ratio
        above: 10%
    rollback:
      - repair all
    """
}
