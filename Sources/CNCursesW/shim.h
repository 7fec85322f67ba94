#ifndef FLEETTOP_CNCURSESW_SHIM_H
#define FLEETTOP_CNCURSESW_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

/* Globals and macros that Swift cannot import directly, wrapped as functions. */

static inline FILE *cnc_stdin(void) { return stdin; }
static inline FILE *cnc_stdout(void) { return stdout; }
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline WINDOW *cnc_curscr(void) { return curscr; }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline int cnc_colors(void) { return COLORS; }
static inline int cnc_color_pairs(void) { return COLOR_PAIRS; }
static inline int cnc_key_f(int n) { return KEY_F(n); }
static inline attr_t cnc_a_bold(void) { return A_BOLD; }
static inline attr_t cnc_a_dim(void) { return A_DIM; }
static inline attr_t cnc_a_reverse(void) { return A_REVERSE; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cnc_a_italic(void) { return A_ITALIC; }
static inline attr_t cnc_a_normal(void) { return A_NORMAL; }
static inline attr_t cnc_a_attributes(void) { return A_ATTRIBUTES & ~A_COLOR; }

/* Whether the current terminal can move the cursor anywhere (false for `dumb`, hard copy). */
static inline bool cnc_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/* The C library's column width of a character in the current locale (-1: not printable). */
extern int wcwidth(wchar_t c);
static inline int cnc_wcwidth(wchar_t c) { return wcwidth(c); }

/* The locale's character set name, e.g. "UTF-8" or "ANSI_X3.4-1968". */
static inline const char *cnc_codeset(void) { return nl_langinfo(CODESET); }

/* Mouse button state bits for button 1...5 (4 and 5 are the wheel). */
static inline mmask_t cnc_button_pressed(int button) { return NCURSES_MOUSE_MASK(button, NCURSES_BUTTON_PRESSED); }
static inline mmask_t cnc_button_released(int button) { return NCURSES_MOUSE_MASK(button, NCURSES_BUTTON_RELEASED); }
static inline mmask_t cnc_button_clicked(int button) { return NCURSES_MOUSE_MASK(button, NCURSES_BUTTON_CLICKED); }
static inline mmask_t cnc_button_double_clicked(int button) { return NCURSES_MOUSE_MASK(button, NCURSES_DOUBLE_CLICKED); }
static inline mmask_t cnc_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t cnc_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }

/* One spacing character with attributes and an extended colour pair, into a cchar_t. */
static inline int cnc_setcchar(cchar_t *cell, wchar_t ch, attr_t attrs, int pair) {
    wchar_t text[2] = { ch, L'\0' };
    int extended = pair;
    return setcchar(cell, text, attrs, (short)(pair <= 0x7fff ? pair : 0), &extended);
}

/* The first character, attributes and extended colour pair of a cchar_t. */
static inline int cnc_getcchar(const cchar_t *cell, wchar_t *ch, attr_t *attrs, int *pair) {
    wchar_t text[CCHARW_MAX + 1];
    short shortPair = 0;
    int extended = 0;
    int rc = getcchar(cell, text, attrs, &shortPair, &extended);
    *ch = text[0];
    *pair = extended;
    return rc;
}
#endif
