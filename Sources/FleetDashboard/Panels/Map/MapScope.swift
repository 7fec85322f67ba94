/// How far the fleet map is drilled down: the whole fleet, one site, or one hall.
public enum MapScope: Sendable, Hashable {
    case fleet
    case site(Int)
    case hall(Int)
}
