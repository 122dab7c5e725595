import Foundation

/// The colours of Candor's charts: a blue–orange diverging palette that readers with the common
/// colour-vision deficiencies (deuteranopia, protanopia, tritanopia) can still tell apart, and a
/// neutral grey. Every colour that carries text is checked for WCAG AA contrast (4.5:1) in tests.
package enum ChartPalette {
    /// Favourable, above overall: a dark blue (contrast with white 5.9:1).
    package static let favourable = RGB(0x21, 0x66, 0xAC)
    /// Unfavourable, below overall: a dark orange (contrast with white 4.9:1).
    package static let unfavourable = RGB(0xB3, 0x58, 0x06)
    /// Neutral, passives.
    package static let neutral = RGB(0xBA, 0xBA, 0xBA)
    /// Body text, axis labels.
    package static let ink = RGB(0x1F, 0x1F, 0x1F)
    /// Secondary text and rules (contrast with white 4.5:1).
    package static let muted = RGB(0x75, 0x75, 0x75)
    /// The page.
    package static let paper = RGB(0xFF, 0xFF, 0xFF)

    /// A colour on the diverging scale: `t` in −1…1, negative towards orange, positive towards
    /// blue, 0 white.
    package static func diverging(_ t: Double) -> RGB {
        let clamped = max(-1, min(1, t.isFinite ? t : 0))
        let end = clamped < 0 ? unfavourable : favourable
        return paper.mixed(with: end, amount: abs(clamped))
    }

    /// A heatmap cell's fill for a difference scaled to −1…1: the diverging scale, stopping at
    /// 70% of the way to the full colours, where ink on the fill still contrasts 4.5:1 or more
    /// (beyond about 80%, neither ink nor white would).
    package static func heat(_ t: Double) -> RGB { diverging(t * 0.7) }

    /// Ink or white, whichever contrasts more with `fill`.
    package static func text(on fill: RGB) -> RGB {
        fill.contrast(with: ink) >= fill.contrast(with: paper) ? ink : paper
    }
}

/// A colour in sRGB.
package struct RGB: Sendable, Hashable {
    /// Red, green and blue, 0…255.
    package var red: Int, green: Int, blue: Int

    /// A colour from its three components.
    package init(_ red: Int, _ green: Int, _ blue: Int) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#RRGGBB`.
    package var hex: String {
        "#"
            + [red, green, blue].map { component in
                let digits = String(component, radix: 16, uppercase: true)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
    }

    /// This colour moved `amount` (0…1) of the way towards `other`, per component.
    package func mixed(with other: RGB, amount: Double) -> RGB {
        func blend(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b - a)) * amount).rounded()) }
        return RGB(blend(red, other.red), blend(green, other.green), blend(blue, other.blue))
    }

    /// WCAG 2 relative luminance.
    package var luminance: Double {
        func linear(_ component: Int) -> Double {
            let c = Double(component) / 255
            return c <= 0.04045 ? c / 12.92 : Foundation.pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG 2 contrast ratio with `other` (1…21).
    package func contrast(with other: RGB) -> Double {
        let (lighter, darker) =
            luminance > other.luminance ? (luminance, other.luminance) : (other.luminance, luminance)
        return (lighter + 0.05) / (darker + 0.05)
    }
}
