extension Theme {
    /// fleettop's default dark theme, from the compiled-in copy of `Themes/default.theme`. It sets
    /// every colour and gradient, and is the fallback for whatever another theme leaves unset.
    public static let `default`: Theme =
        ThemeLoader.parse(DefaultThemeText.text, name: "default", file: "default.theme (built in)", fallback: nil).theme

    /// True when every colour and every gradient (101 steps) is set.
    public var isComplete: Bool {
        ThemeColor.allCases.allSatisfy { colors[$0] != nil }
            && ThemeGradient.allCases.allSatisfy { gradients[$0]?.count == 101 }
    }
}
