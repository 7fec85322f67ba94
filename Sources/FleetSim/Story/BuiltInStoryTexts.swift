/// The YAML of the built-in stories, tuned on the demo fleet (seeds 1–7; `StoryClaimTests` checks that
/// every chapter's numbers move the way its caption says). Chapter spans are simulated time. The first
/// chapter runs forty calm minutes at ×40, long enough that agent tasks of every length are in flight
/// (a task's p99 read sooner counts only the tasks short enough to have finished); the rest run at
/// ×10, so each chapter lasts 36–60 s on screen.
enum BuiltInStoryTexts {
    static let agenticMeetsPhysics = """
    name: agentic load meets physical limits
    description: >
      Why inference is an infrastructure problem: agents turn one request into dozens of model
      calls, the metro site close to users runs into its power limit, traffic spills to far sites
      where every call pays the round trip again, and whole agent tasks, not single calls, decide
      the experience.
    fleet: demo
    seed: 7
    chapters:
      - title: A calm afternoon
        panel: latency
        duration: 40m
        caption: >
          Users send {chat.arrival_rps} chat requests and {code.arrival_rps} code completions.
          Metro-edge, {sites.metro-edge.rtt_ms} from them, serves {sites.metro-edge.traffic_share_60s} of
          the traffic and draws {sites.metro-edge.facility_power_kw} of its {sites.metro-edge.grid_limit_kw}
          grid connection. Every class meets its targets: the slowest 1% of chats see their first token
          within {chat.ttft.p99}, and code streams a token every {code.tpot.p99} from regional's B200 pool.
          An agent task makes {agentic.calls_per_task} calls on average. One call's p99 is
          {agentic.call_p99}, yet a typical task takes {agentic.task_e2e.p50} and the slowest 1%
          {agentic.task_e2e.p99}: a task waits for each of its calls in turn, and the longest chains run
          to 150 calls.
        commands:
          - speed 40
      - title: Agents arrive
        panel: agentic
        duration: 10m
        caption: >
          Agent traffic quadruples while chat stays the same, and agents chain more calls:
          {agentic.calls_per_task} per task now, {agentic.tasks_in_flight} tasks in flight. A single
          call is barely slower (its p99 is {agentic.call_p99}), but the typical task slows several
          times as much and now takes {agentic.task_e2e.p50}: it waits for more calls in turn, and the
          more it chains, the likelier one of them lands in its own slowest 1% (1 − 0.99^N). Round
          trips cost a task {agentic.rtt_per_task}. The fleet now draws {fleet.facility_power_kw},
          metro-edge {sites.metro-edge.facility_power_kw} of its {sites.metro-edge.grid_limit_kw}.
        commands:
          - speed 10
          - surge agentic factor=4 ramp=3m for=26m
      - title: The metro site meets its power limit
        panel: power
        duration: 6m
        caption: >
          A heat wave: the utility asks metro-edge to cut to 80% of its grid connection. It draws
          {sites.metro-edge.facility_power_kw} against {sites.metro-edge.active_cap_kw}, so the governor
          caps {sites.metro-edge.gpus_power_capped} GPUs at {sites.metro-edge.governor_cap_w} each. The
          router sends work away: metro-edge serves {sites.metro-edge.traffic_share_60s} of traffic, the
          rest goes {sites.regional.rtt_ms} and {sites.remote-campus.rtt_ms} away, and an agent task now
          pays {agentic.rtt_per_task} in round trips alone — its calls times the distance. The power bill
          is not the problem: energy is {fleet.energy_share_of_cost} of the {fleet.cost_per_hour_usd}
          the fleet costs; power limits where capacity can sit.
        commands:
          - fault power-cap site=metro-edge magnitude=80%
      - title: A cooling fault on a hot afternoon
        panel: thermal
        duration: 10m
        caption: >
          The heat wave breaks metro-edge's cooling instead: the utility lifts its cap, and hall 1 loses
          all of its air cooling. Its racks heat up within minutes, then GPUs shut down to protect
          themselves: {sites.metro-edge.gpus_shut_down} so far, {sites.metro-edge.gpus_up} of metro-edge's
          GPUs still serving. Their requests retry elsewhere: {chat.retried} chat requests and
          {agentic.retried} agent calls so far, each of them a task held up.
        commands:
          - repair site=metro-edge
          - fault cooling site=metro-edge hall=1 magnitude=100% ramp=1m
      - title: What changes the outcome
        panel: latency
        duration: 10m
        caption: >
          The operator's answer: restore the cooling and admit agent work at one and a half times the
          calm rate instead of four (admission control). Metro-edge is back to
          {sites.metro-edge.gpus_up} GPUs and serves {sites.metro-edge.traffic_share_60s} of traffic;
          chat's first tokens arrive within {chat.ttft.p99} and one agent call's p99 is back to
          {agentic.call_p99}. Whole tasks take longest to recover: new tasks make
          {agentic.calls_per_task} calls, but those started in the surge are still working through their
          long chains, so the typical task finishing now took {agentic.task_e2e.p50}.
        commands:
          - repair all
          - surge agentic factor=1.5
    """
}
