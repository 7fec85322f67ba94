import CNCursesW
import FleetDashboard

/// Turns what `wget_wch` returned into an input event. A pure function of the return code and the
/// value, so every key is testable without a terminal.
public enum KeyDecoder {
    /// What one `wget_wch` result means.
    public enum Decoded: Sendable, Equatable {
        /// A complete event.
        case event(InputEvent)
        /// `KEY_MOUSE`: the caller fetches the event with `getmouse`.
        case mouse
        /// `KEY_RESIZE`: the caller reads the new size.
        case resize
        /// Nothing (a timeout) or a key fleettop has no name for.
        case ignored
    }

    /// Decodes one `wget_wch` result.
    /// - Parameters:
    ///   - status: the return code: `OK` for a character, `KEY_CODE_YES` for a function key, `ERR`.
    ///   - value: the character or the `KEY_*` code.
    public static func decode(status: Int32, value: UInt32) -> Decoded {
        switch status {
        case OK: return decodeCharacter(value)
        case KEY_CODE_YES: return decodeKeyCode(Int32(bitPattern: value))
        default: return .ignored
        }
    }

    /// A character code from `wget_wch` (status `OK`).
    static func decodeCharacter(_ value: UInt32) -> Decoded {
        switch value {
        case 9: return .event(.key(.tab))
        case 10, 13: return .event(.key(.enter))
        case 27: return .event(.key(.escape))
        case 8, 127: return .event(.key(.backspace))
        case 1...26:
            let letter = Character(Unicode.Scalar(UInt8(96 + value)))
            return .event(.key(.control(letter)))
        case 0..<32, 0x80...0x9F: return .ignored
        default:
            guard let scalar = Unicode.Scalar(value) else { return .ignored }
            return .event(.key(.character(Character(scalar))))
        }
    }

    /// A function-key code from `wget_wch` (status `KEY_CODE_YES`).
    static func decodeKeyCode(_ code: Int32) -> Decoded {
        switch code {
        case KEY_MOUSE: return .mouse
        case KEY_RESIZE: return .resize
        case KEY_UP: return .event(.key(.up))
        case KEY_DOWN: return .event(.key(.down))
        case KEY_LEFT: return .event(.key(.left))
        case KEY_RIGHT: return .event(.key(.right))
        case KEY_HOME: return .event(.key(.home))
        case KEY_END: return .event(.key(.end))
        case KEY_PPAGE: return .event(.key(.pageUp))
        case KEY_NPAGE: return .event(.key(.pageDown))
        case KEY_BTAB: return .event(.key(.backTab))
        case KEY_BACKSPACE: return .event(.key(.backspace))
        case KEY_DC: return .event(.key(.delete))
        case KEY_ENTER: return .event(.key(.enter))
        default:
            let f1 = cnc_key_f(1)
            if code >= f1 && code < f1 + 12 { return .event(.key(.function(Int(code - f1) + 1))) }
            return .ignored
        }
    }
}
