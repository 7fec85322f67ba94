/// A key, decoded by the terminal layer into a name the dashboard understands.
public enum Key: Sendable, Hashable {
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1…F12.
    case function(Int)
    /// Ctrl plus a letter (lower case), e.g. ctrl-l.
    case control(Character)
}

/// A mouse action at a cell.
public struct MouseEvent: Sendable, Hashable {
    public enum Action: Sendable, Hashable { case press, release, click, doubleClick, wheelUp, wheelDown }
    public enum Button: Sendable, Hashable { case left, middle, right, none }
    public var action: Action
    public var button: Button
    public var x: Int, y: Int
    public init(action: Action, button: Button, x: Int, y: Int) {
        self.action = action; self.button = button; self.x = x; self.y = y
    }
}

/// Everything the terminal can tell the dashboard.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal is now `columns` × `rows`.
    case resize(columns: Int, rows: Int)
    /// Text the user pasted (the terminal bracketed it): it goes into the text field that is open,
    /// if any, and is never read as keys.
    case paste(String)
}
