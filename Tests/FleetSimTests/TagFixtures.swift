@testable import FleetSim

/// A small tagged fleet: site `a` (tag `feed-1`) with an air hall of 4 racks (tag `loop-a`, racks 1–2
/// on `pdu-a`, 3–4 on `pdu-b`) and a liquid hall of 2 racks (rack 2 on `pdu-a` too), and site `b` with
/// one hall of 3 racks (tag `loop-b`). Dense rack ids: a/h1 0–3, a/h2 4–5, b/h1 6–8; 8 GPUs a rack.
enum TagFixtures {
    static let text = """
    preset: tiny
    replace_sites: true
    failures: {enabled: false}
    diurnal: false
    sites:
      - name: a
        grid_limit_kw: 500
        tags: [feed-1]
        halls:
          - cooling: air
            racks: 4
            servers_per_rack: 1
            tags: [loop-a]
            rack_tags: {pdu-a: 1-2, pdu-b: 3-4}
          - cooling: liquid
            racks: 2
            servers_per_rack: 1
            rack_tags: {pdu-a: 2}
      - name: b
        rtt_ms: 20
        grid_limit_kw: 500
        halls:
          - {cooling: liquid, racks: 3, servers_per_rack: 1, tags: [loop-b]}
    """

    static func spec() throws -> FleetSpec { try FleetFile.parse(text, file: "tagged.yaml") }

    static func resolver() throws -> TargetResolver { TargetResolver(topology: Topology(spec: try spec())) }
}
