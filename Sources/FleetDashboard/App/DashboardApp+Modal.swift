import FleetSim

/// Keys while something has the keyboard on top of the panels: a dialog, the palette, the jump
/// prompt, the help, or a `/` filter being typed.
extension DashboardApp {
    func handleModal(_ k: Key) -> [DashboardAction] {
        switch state.modal {
        case .wizard(var w):
            switch w.handle(k) {
            case .stay: state.modal = .wizard(w)
            case .cancelled: state.modal = nil; state.say("cancelled: nothing injected")
            case .confirm(let d):
                switch check(d.command) {
                case .success(let checked): state.modal = .confirm(checked)
                case .failure(let f):
                    w.refuse(f.message)
                    state.modal = .wizard(w)
                }
            }
        case .confirm(var d):
            switch d.handle(k) {
            case .stay: state.modal = .confirm(d)
            case .cancelled: state.modal = nil; state.say("cancelled: nothing injected")
            case .confirmed:
                state.modal = nil
                state.say("sent: " + CommandFormatter.format(d.command))
                return [.send(d.command), .redraw]
            }
        case .palette:
            switch state.palette.handle(k, siteNames: snapshot?.sites.map(\.name) ?? [], tags: snapshot?.tags ?? []) {
            case .stay: break
            case .closed: state.modal = nil
            case .command(let c, let text):
                if c.isInjection {
                    if state.readOnly {
                        state.modal = nil
                        state.say("read-only: injections are off (started with --read-only)", error: true)
                    } else {
                        switch check(c) {
                        case .success(let d): state.modal = .confirm(d)
                        case .failure(let f): state.palette.refuse(text, message: f.message)
                        }
                    }
                } else {
                    state.modal = nil
                    if case .clock(.speed(let s)) = c { state.requestedSpeed = s }
                    state.say("sent: " + CommandFormatter.format(c))
                    return [.send(c), .redraw]
                }
            }
        case .jump(var prompt):
            guard let s = snapshot else { state.modal = nil; break }
            switch prompt.handle(k, snapshot: s) {
            case .stay:
                if k == .tab { prompt.completeChildren(snapshot: s) }
                state.modal = .jump(prompt)
            case .closed: state.modal = nil
            case .jump(let place):
                state.modal = nil
                if state.view == .gpus {
                    state.selection = place
                    state.say("GPUs of " + place.path(in: s))
                    return [.watchGPUs(gpuScope()), .redraw]
                }
                return select(place)
            }
        case .help(var overlay):
            switch overlay.handle(k, keymap: keymap, width: state.frame?.width ?? 0, height: state.frame?.height ?? 0,
                                  groups: state.helpGroups) {
            case .close: state.modal = nil
            case .scrolled: state.modal = .help(overlay)
            }
        case nil:
            break
        }
        return [.redraw]
    }

    func handleFilter(_ k: Key) -> [DashboardAction] {
        var text: String
        switch state.filterTarget {
        case .events: text = state.eventFilter
        case .map: text = state.mapFilter
        case .table: text = state.table(state.view).filter
        }
        switch k {
        case .enter: state.editingFilter = false
        case .escape: state.editingFilter = false; text = ""
        case .backspace, .delete: if !text.isEmpty { text.removeLast() }
        case .character(let c):
            if let v = c.unicodeScalars.first, !DisplayWidth.isControl(v) { text.append(c) }
        default: break
        }
        switch state.filterTarget {
        case .events:
            state.eventFilter = text
            state.eventScroll = 0
        case .map: state.mapFilter = text
        case .table:
            var st = state.table(state.view)
            st.filter = text
            st.cursor = 0; st.top = 0
            state.tables[state.view] = st
        }
        return [.redraw]
    }
}
