import CNCursesW
import FleetDashboard
#if canImport(Glibc)
import Glibc
#endif

/// An open ncurses screen: the only way fleettop talks to the terminal. It sets the terminal up
/// (locale, cbreak, no echo, keypad, hidden cursor, short Esc delay, default colours, mouse,
/// alternate screen), copies Canvases onto it, reads input events and puts everything back on `close`.
/// One session at a time, used from one thread.
public final class TerminalSession {
    /// The colour depth used for drawing.
    public let colorDepth: ColorDepth
    /// The glyphs the dashboard should draw with.
    public let glyphMode: GlyphMode
    /// The terminal type the screen was opened for.
    public let terminalName: String
    /// Whether the session still holds the terminal.
    public private(set) var isOpen: Bool

    private let screen: OpaquePointer
    private var painter: CanvasPainter
    private let mouse: Bool
    /// Pastes being gathered, and results read but not yet handed out.
    private var pasteDecoder = PasteDecoder()
    private var pending: [Input] = []

    /// Opens the program's own terminal (standard input and output).
    public static func open(options: TerminalOptions) throws -> TerminalSession {
        try TerminalSession(options: options, input: cnc_stdin(), output: cnc_stdout())
    }

    /// Opens a screen on the given streams, for `options.environment["TERM"]`. Tests pass /dev/null.
    public init(options: TerminalOptions, input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>) throws {
        guard !TerminalGuard.isArmed else { throw TerminalError.alreadyOpen }
        guard let term = options.environment["TERM"], !term.isEmpty else { throw TerminalError.noTerminalType }
        setlocale(LC_ALL, options.locale)
        glyphMode = GlyphMode.detect(codeset: String(cString: cnc_codeset()), forceASCII: options.forceASCII)
        terminalName = term

        fflush(output)
        TerminalGuard.prepare(inputFD: fileno(input), outputFD: fileno(output))
        // Before newterm: ncurses leaves SIGTSTP (and SIGINT, SIGTERM) alone when a handler is
        // already in place. Otherwise it installs its own and, worse, sets SIGTSTP to SIG_IGN during
        // every doupdate, so a Ctrl-Z pressed while a frame is written would be lost.
        SignalTrap.install()
        guard let screen = newterm(term, output, input) else {
            SignalTrap.restore()
            throw TerminalError.unknownTerminal(term)
        }
        set_term(screen)
        guard cnc_can_address_cursor() else {
            endwin()
            delscreen(screen)
            SignalTrap.restore()
            throw TerminalError.unsupportedTerminal(term)
        }
        self.screen = screen
        TerminalGuard.arm()
        isOpen = true

        let window = cnc_stdscr()
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        meta(window, true)
        leaveok(window, true)
        curs_set(0)
        set_escdelay(25)

        let monochrome = ColorDepth.isForcedMonochrome(noColorOption: options.noColor,
                                                       noColorEnvironment: options.environment["NO_COLOR"])
        var defaultColors = false
        if !monochrome && has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
            colorDepth = ColorDepth.detect(colors: Int(cnc_colors()), hasColors: true)
        } else {
            colorDepth = .monochrome
        }
        mouse = options.mouse
        if options.mouse {
            mousemask(MouseDecoder.interestMask, nil)
            mouseinterval(0)
        }
        painter = CanvasPainter(depth: colorDepth, glyphMode: glyphMode, defaultColors: defaultColors,
                                pairCapacity: Int(cnc_color_pairs()))
        TerminalGuard.writeBracketedPaste(true)
    }

    deinit { close() }

    /// The screen size in cells.
    public var size: TerminalSize { TerminalSize(columns: Int(cnc_cols()), rows: Int(cnc_lines())) }

    /// Copies `canvas` onto the screen (changed cells only) and updates the terminal once.
    public func draw(_ canvas: Canvas) {
        guard isOpen else { return }
        painter.paint(canvas, size: size)
        wnoutrefresh(cnc_stdscr())
        doupdate()
    }

    /// What the last `draw` wrote: cells, runs, colour pairs defined and pair-cache resets.
    public var lastDrawStats: DrawStats { painter.stats }

    /// Makes the next `draw` clear the terminal and write every cell (after a resize, or on ctrl-l
    /// when something else scribbled on the screen).
    public func invalidate() {
        guard isOpen else { return }
        painter.invalidate()
        clearok(cnc_curscr(), true)
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever, 0: not at all) for input and decodes it.
    /// Returns nil on a timeout, an interrupted wait, or input fleettop has no name for.
    public func readEvent(timeoutMilliseconds: Int) -> InputEvent? {
        if case .event(let event) = read(timeoutMilliseconds: timeoutMilliseconds) { return event }
        return nil
    }

    /// What one wait for input gave.
    enum Input: Equatable {
        case event(InputEvent)
        /// A key or mouse action fleettop has no name for.
        case ignored
        /// Nothing came: the timeout passed, a signal interrupted the wait, or input is at its end.
        case nothing
    }

    /// Milliseconds to wait for the rest of a paste marker after an Escape (the terminal sends the
    /// marker in one write, so it is already there when it is a paste).
    static let markerWait = 10
    /// Milliseconds a paste may pause before it is taken as ended without its end marker.
    static let pasteWait = 250

    /// Waits for input like `readEvent`, telling a timeout from input that was read and dropped.
    /// A bracketed paste comes back whole, as one `.paste` event.
    func read(timeoutMilliseconds: Int) -> Input {
        guard isOpen else { return .nothing }
        if !pending.isEmpty { return pending.removeFirst() }
        let window = cnc_stdscr()
        while true {
            let pasting = pasteDecoder.isWaiting
            let wait = pasteDecoder.isPasting ? Self.pasteWait : (pasting ? Self.markerWait : timeoutMilliseconds)
            wtimeout(window, Int32(clamping: wait))
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            let outputs: [PasteDecoder.Output]
            if status == ERR {
                guard pasting else { return .nothing }
                outputs = pasteDecoder.flush()
            } else {
                outputs = pasteDecoder.feed(PasteDecoder.Input(status: status, value: UInt32(value)))
            }
            pending += outputs.map(convert)
            if !pending.isEmpty { return pending.removeFirst() }
        }
    }

    /// What one decoded result means to the loop.
    private func convert(_ output: PasteDecoder.Output) -> Input {
        switch output {
        case .paste(let text):
            return .event(.paste(text))
        case .input(let input):
            switch KeyDecoder.decode(status: input.status, value: input.value) {
            case .event(let event): return .event(event)
            case .ignored: return .ignored
            case .resize:
                invalidate()
                return .event(.resize(columns: size.columns, rows: size.rows))
            case .mouse:
                var event = MEVENT()
                guard getmouse(&event) == OK,
                      let mouse = MouseDecoder.decode(state: event.bstate, x: Int(event.x), y: Int(event.y)) else {
                    return .ignored
                }
                return .event(.mouse(mouse))
            }
        }
    }

    /// Gives the terminal back for a Ctrl-Z: bracketed paste and the mouse off, then `endwin`
    /// (normal screen, cursor shown, the shell's terminal modes). The screen stays allocated for `resume`.
    public func suspend() {
        guard isOpen else { return }
        TerminalGuard.writeBracketedPaste(false)
        if mouse { mousemask(0, nil) }
        endwin()
    }

    /// Takes the terminal again after `suspend` (the process was continued): program mode back,
    /// bracketed paste and the mouse on, and the next `draw` writes every cell.
    public func resume() {
        guard isOpen else { return }
        doupdate()
        if mouse {
            mousemask(MouseDecoder.interestMask, nil)
            mouseinterval(0)
        }
        TerminalGuard.writeBracketedPaste(true)
        invalidate()
    }

    /// Leaves program mode: restores the terminal's modes and the normal screen, removes the
    /// exit-signal handlers. Safe to call twice.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        SignalTrap.restore()
        TerminalGuard.writeBracketedPaste(false)
        endwin()
        delscreen(screen)
        TerminalGuard.disarm()
    }
}
