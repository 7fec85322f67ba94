import CNCursesW
import FleetDashboard

/// Turns an ncurses mouse event (`getmouse`'s button state bits and cell) into a `MouseEvent`.
/// Pure, so each button and action is testable without a terminal.
public enum MouseDecoder {
    /// The button state bits fleettop asks for with `mousemask`: press, release, click and double
    /// click of buttons 1–3, and the wheel (buttons 4 and 5 pressed).
    public static var interestMask: mmask_t {
        var mask: mmask_t = 0
        for b in Int32(1)...3 {
            mask |= cnc_button_pressed(b) | cnc_button_released(b) | cnc_button_clicked(b)
                | cnc_button_double_clicked(b)
        }
        return mask | cnc_button_pressed(4) | cnc_button_pressed(5)
    }

    /// The event for a state, or nil for states fleettop has no use for (motion, triple clicks).
    public static func decode(state: mmask_t, x: Int, y: Int) -> MouseEvent? {
        if state & cnc_button_pressed(4) != 0 { return MouseEvent(action: .wheelUp, button: .none, x: x, y: y) }
        if state & cnc_button_pressed(5) != 0 { return MouseEvent(action: .wheelDown, button: .none, x: x, y: y) }
        let buttons: [(Int32, MouseEvent.Button)] = [(1, .left), (2, .middle), (3, .right)]
        for (number, button) in buttons {
            if state & cnc_button_double_clicked(number) != 0 {
                return MouseEvent(action: .doubleClick, button: button, x: x, y: y)
            }
            if state & cnc_button_clicked(number) != 0 { return MouseEvent(action: .click, button: button, x: x, y: y) }
            if state & cnc_button_pressed(number) != 0 { return MouseEvent(action: .press, button: button, x: x, y: y) }
            if state & cnc_button_released(number) != 0 {
                return MouseEvent(action: .release, button: button, x: x, y: y)
            }
        }
        return nil
    }
}
