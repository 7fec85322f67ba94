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
        guard let screen = newterm(term, output, input) else { throw TerminalError.unknownTerminal(term) }
        set_term(screen)
        guard cnc_can_address_cursor() else {
            endwin()
            delscreen(screen)
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
        if options.mouse {
            mousemask(MouseDecoder.interestMask, nil)
            mouseinterval(0)
        }
        painter = CanvasPainter(depth: colorDepth, glyphMode: glyphMode, defaultColors: defaultColors,
                                pairCapacity: Int(cnc_color_pairs()))
        SignalTrap.install()
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

    /// Waits for input like `readEvent`, telling a timeout from input that was read and dropped.
    func read(timeoutMilliseconds: Int) -> Input {
        guard isOpen else { return .nothing }
        let window = cnc_stdscr()
        wtimeout(window, Int32(clamping: timeoutMilliseconds))
        var value: wint_t = 0
        let status = wget_wch(window, &value)
        if status == ERR { return .nothing }
        switch KeyDecoder.decode(status: status, value: UInt32(value)) {
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

    /// Leaves program mode: restores the terminal's modes and the normal screen, removes the
    /// exit-signal handlers. Safe to call twice.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        SignalTrap.restore()
        endwin()
        delscreen(screen)
        TerminalGuard.disarm()
    }
}
