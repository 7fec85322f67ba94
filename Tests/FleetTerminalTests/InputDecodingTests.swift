import CNCursesW
import FleetDashboard
import Testing
@testable import FleetTerminal

@Suite struct InputDecodingTests {
    private func char(_ v: UInt32) -> KeyDecoder.Decoded { KeyDecoder.decode(status: OK, value: v) }
    private func code(_ v: Int32) -> KeyDecoder.Decoded { KeyDecoder.decode(status: KEY_CODE_YES, value: UInt32(v)) }

    @Test func characters() {
        #expect(char(0x61) == .event(.key(.character("a"))))
        #expect(char(0x3F) == .event(.key(.character("?"))))
        #expect(char(0x20) == .event(.key(.character(" "))))
        #expect(char(0x4E16) == .event(.key(.character("世"))))
        #expect(char(0xE9) == .event(.key(.character("é"))))
    }

    @Test func controlCharacters() {
        #expect(char(13) == .event(.key(.enter)))
        #expect(char(10) == .event(.key(.enter)))
        #expect(char(9) == .event(.key(.tab)))
        #expect(char(27) == .event(.key(.escape)))
        #expect(char(127) == .event(.key(.backspace)))
        #expect(char(8) == .event(.key(.backspace)))
        #expect(char(1) == .event(.key(.control("a"))))
        #expect(char(12) == .event(.key(.control("l"))))
        #expect(char(26) == .event(.key(.control("z"))))
        #expect(char(0) == .ignored)
        #expect(char(28) == .ignored)
        #expect(char(0x85) == .ignored)
        #expect(char(0xD800) == .ignored)
    }

    @Test func functionKeys() {
        #expect(code(KEY_UP) == .event(.key(.up)))
        #expect(code(KEY_DOWN) == .event(.key(.down)))
        #expect(code(KEY_LEFT) == .event(.key(.left)))
        #expect(code(KEY_RIGHT) == .event(.key(.right)))
        #expect(code(KEY_HOME) == .event(.key(.home)))
        #expect(code(KEY_END) == .event(.key(.end)))
        #expect(code(KEY_PPAGE) == .event(.key(.pageUp)))
        #expect(code(KEY_NPAGE) == .event(.key(.pageDown)))
        #expect(code(KEY_BTAB) == .event(.key(.backTab)))
        #expect(code(KEY_BACKSPACE) == .event(.key(.backspace)))
        #expect(code(KEY_DC) == .event(.key(.delete)))
        #expect(code(KEY_ENTER) == .event(.key(.enter)))
        for n in 1...12 { #expect(code(cnc_key_f(Int32(n))) == .event(.key(.function(n)))) }
        #expect(code(cnc_key_f(13)) == .ignored)
        #expect(code(KEY_MOUSE) == .mouse)
        #expect(code(KEY_RESIZE) == .resize)
        #expect(code(KEY_SLEFT) == .ignored)
        #expect(KeyDecoder.decode(status: ERR, value: 0) == .ignored)
    }

    @Test func mouseButtonsAndWheel() {
        #expect(MouseDecoder.decode(state: cnc_button_pressed(1), x: 3, y: 4)
                == MouseEvent(action: .press, button: .left, x: 3, y: 4))
        #expect(MouseDecoder.decode(state: cnc_button_released(3), x: 0, y: 0)
                == MouseEvent(action: .release, button: .right, x: 0, y: 0))
        #expect(MouseDecoder.decode(state: cnc_button_clicked(2), x: 1, y: 2)
                == MouseEvent(action: .click, button: .middle, x: 1, y: 2))
        #expect(MouseDecoder.decode(state: cnc_button_double_clicked(1), x: 1, y: 2)
                == MouseEvent(action: .doubleClick, button: .left, x: 1, y: 2))
        #expect(MouseDecoder.decode(state: cnc_button_pressed(4), x: 5, y: 6)
                == MouseEvent(action: .wheelUp, button: .none, x: 5, y: 6))
        #expect(MouseDecoder.decode(state: cnc_button_pressed(5), x: 5, y: 6)
                == MouseEvent(action: .wheelDown, button: .none, x: 5, y: 6))
        #expect(MouseDecoder.decode(state: 0, x: 0, y: 0) == nil)
    }

    @Test func mouseInterestCoversButtonsAndWheelOnly() {
        let mask = MouseDecoder.interestMask
        for b in Int32(1)...3 {
            #expect(mask & cnc_button_pressed(b) != 0)
            #expect(mask & cnc_button_released(b) != 0)
        }
        #expect(mask & cnc_button_pressed(4) != 0)
        #expect(mask & cnc_button_pressed(5) != 0)
        #expect(mask & cnc_report_mouse_position() == 0)
    }
}
