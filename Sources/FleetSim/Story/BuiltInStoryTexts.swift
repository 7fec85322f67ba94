/// The YAML of the built-in stories, tuned on the demo fleet (seed 7). Chapter spans are simulated
/// time; the first chapter sets ×10, so each chapter lasts 30–60 s on screen (5–10 min simulated).
enum BuiltInStoryTexts {
    static let agenticMeetsPhysics = """
    name: agentic load meets physical limits
    description: >
      Why inference is an infrastructure problem: agents turn one request into dozens of model
      calls, the metro site close to users runs into its power cap, traffic spills to far sites,
      and the tail latency of whole tasks, not model quality, decides the experience.
    fleet: demo
    seed: 7
    steady_state:
      - metric: chat.ttft.p99
        below: 2s
    chapters:
      - title: A calm afternoon
        panel: latency
        duration: 5m
        caption: >
          Users send {chat.arrival_rps} chat requests. The metro-edge site, {sites.metro-edge.rtt_ms}
          from them, serves {sites.metro-edge.traffic_share_60s} of the traffic; the slowest 1% of chats
          see their first token within {chat.ttft.p99}. The whole fleet draws {fleet.facility_power_kw}.
        commands:
          - speed 10
      - title: Agents arrive
        panel: agentic
        duration: 8m
        caption: >
          Agent traffic quadruples while the number of chat users stays the same. One agent task is a
          chain of {agentic.calls_per_task} model calls, and {agentic.tasks_in_flight} tasks are in
          flight. The fleet now produces {fleet.output_tokens_per_s} tokens and draws
          {fleet.facility_power_kw}.
        commands:
          - surge agentic factor=4 ramp=3m
      - title: The metro site meets its power cap
        panel: power
        duration: 6m
        caption: >
          A heat wave: the utility asks metro-edge to cut to 80% of its grid connection. It draws
          {sites.metro-edge.facility_power_kw} against a limit of {sites.metro-edge.active_cap_kw},
          so the governor caps each GPU at {sites.metro-edge.governor_cap_w}. Capped GPUs prefill
          more slowly while decode barely notices, so the router sends work elsewhere: metro-edge now
          serves {sites.metro-edge.traffic_share_60s} of traffic, and chat's slowest first tokens take
          {chat.ttft.p99}.
        commands:
          - fault power-cap site=metro-edge magnitude=80%
      - title: Spill-over to far sites
        panel: agentic
        duration: 6m
        caption: >
          Work spills to regional ({sites.regional.traffic_share_60s} of traffic, {sites.regional.rtt_ms}
          away) and remote-campus ({sites.remote-campus.traffic_share_60s}, {sites.remote-campus.rtt_ms}).
          A single agent call's p99 is {agentic.call_p99}, but a whole task's p99 is
          {agentic.task_e2e.p99}: a task waits for each of its calls in turn, paying every queue and
          every round trip again. Round trips alone are {agentic.rtt_share} of task time; the rest is
          waiting behind other calls.
      - title: A cooling fault on a hot afternoon
        panel: thermal
        duration: 10m
        caption: >
          The heat wave breaks the metro site's cooling instead: the utility lifts its cap, and hall 1
          loses all of its air cooling. Air racks heat up within minutes: {sites.metro-edge.gpus_shut_down}
          GPUs have shut down to protect themselves and {sites.metro-edge.gpus_thermal_throttled} more are
          throttling (the hottest die still running reads {sites.metro-edge.h1.die_c_max}). Their
          requests retry elsewhere: {chat.retried} chat retries since the story began.
        commands:
          - repair site=metro-edge
          - fault cooling site=metro-edge hall=1 magnitude=100% ramp=1m
      - title: The bill
        panel: power
        duration: 5m
        caption: >
          The fleet costs {fleet.cost_per_hour_usd}, or {fleet.usd_per_million_tokens} per million
          tokens. Energy is only {fleet.energy_share_of_cost} of that; the rest is GPU time. Power
          limits how much capacity sits near users far more than it adds to cost.
      - title: What changes the outcome
        panel: latency
        duration: 10m
        caption: >
          The operator's answer: restore the cooling and admit agent work at one and a half times the
          old rate instead of four (admission control). metro-edge has
          {sites.metro-edge.power_headroom_kw} of headroom and serves {sites.metro-edge.traffic_share_60s}
          of traffic again; {agentic.tasks_in_flight} agent tasks are in flight while the backlog
          drains, and chat's first tokens arrive within {chat.ttft.p99}.
        commands:
          - repair all
          - surge agentic factor=1.5
    """
}
