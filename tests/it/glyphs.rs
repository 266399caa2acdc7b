//! Every arrow and symbol the window shows renders at full size (issue 13, item 2): "→" once came
//! from egui's icon font as a tiny "›" touching the next letter. The symbols are read from the
//! catalogues and the window's source (so a new one is covered without a list to keep), and each
//! must come from a text font of the window's fallback order (egui's Latin font, then the bundled
//! NanumGothic), never from an emoji or icon font, with an advance no narrower than a Latin letter
//! would make it look tiny. "✓", "✗" and "⚠" are in no font the window has: they must not be used.

use std::collections::BTreeSet;
use std::path::Path;

use ab_glyph::{Font as _, FontRef};
use release_desk::ui::fonts;

/// The fonts that draw text; the rest of the fallback order (egui's icons and emoji) draw small.
const TEXT_FONTS: [&str; 2] = ["Ubuntu-Light", "NanumGothic"];

/// Symbols that are narrow in every text font (dots, quotes, dashes, the vertical arrows): only
/// their font is checked.
const NARROW: &str = "·•…‹›«»“”–‘’↑↓";

/// Symbols the issue named that no font of the window has (egui's build here has no emoji font):
/// the window must not show them until a font that has them is bundled.
const UNCOVERED: &str = "✓✗⚠▸";

fn is_symbol(c: char) -> bool {
    !c.is_ascii()
        && !c.is_alphanumeric()
        && !c.is_whitespace()
        && !('\u{3000}'..='\u{303f}').contains(&c)
        && !('\u{ff00}'..='\u{ffef}').contains(&c)
}

fn collect(dir: &Path, ext: &str, into: &mut BTreeSet<char>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, ext, into);
        } else if path.extension().is_some_and(|e| e == ext) {
            into.extend(std::fs::read_to_string(&path).unwrap().chars().filter(|&c| is_symbol(c)));
        }
    }
}

/// Every symbol in the catalogues, the window's source (its comments too: simpler than telling
/// them apart), the i18n code and the sample data.
fn symbols() -> BTreeSet<char> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut symbols = BTreeSet::new();
    collect(&root.join("assets/i18n"), "ftl", &mut symbols);
    for dir in ["src/ui", "src/i18n", "src/domain/sample"] {
        collect(&root.join(dir), "rs", &mut symbols);
    }
    symbols
}

/// The first font of the proportional family that has `c`, with its advance in ems (its tweak's
/// scale applied, as egui draws it).
fn font_for(definitions: &egui::FontDefinitions, c: char) -> Option<(String, f32)> {
    let order = &definitions.families[&egui::FontFamily::Proportional];
    order.iter().find_map(|name| {
        let data = &definitions.font_data[name];
        let font = FontRef::try_from_slice_and_index((*data.font).as_ref(), data.index).unwrap();
        let glyph = font.glyph_id(c);
        (glyph.0 != 0).then(|| {
            let em = font.units_per_em().unwrap_or(1000.0);
            (name.clone(), font.h_advance_unscaled(glyph) / em * data.tweak.scale)
        })
    })
}

#[test]
fn every_symbol_the_window_shows_comes_from_a_text_font_at_full_size() {
    let definitions = fonts::font_definitions();
    let (_, letter) = font_for(&definitions, 'n').unwrap();
    let mut wrong = Vec::new();
    let symbols = symbols();
    assert!(symbols.len() > 15, "the symbols were found: {symbols:?}");
    for c in symbols {
        match font_for(&definitions, c) {
            None => wrong.push(format!("{c} (U+{:04X}): no font has it", c as u32)),
            Some((font, _)) if !TEXT_FONTS.contains(&font.as_str()) => {
                wrong.push(format!("{c} (U+{:04X}): drawn by {font}, an icon or emoji font", c as u32));
            }
            Some((font, advance)) if !NARROW.contains(c) && advance < letter * 0.9 => wrong.push(format!(
                "{c} (U+{:04X}): {font} draws it {advance:.2} em wide, a letter is {letter:.2}",
                c as u32
            )),
            Some(_) => {}
        }
    }
    assert!(wrong.is_empty(), "symbols that would render small or not at all:\n{}", wrong.join("\n"));
}

#[test]
fn the_arrows_of_the_issue_come_from_a_text_font_and_the_uncovered_symbols_are_not_shown() {
    let definitions = fonts::font_definitions();
    for c in "→←↑↓›…·".chars() {
        let font = font_for(&definitions, c).map(|(font, _)| font);
        assert!(font.as_deref().is_some_and(|f| TEXT_FONTS.contains(&f)), "{c}: {font:?}");
    }
    let shown = symbols();
    for c in UNCOVERED.chars() {
        assert!(font_for(&definitions, c).is_none(), "{c} has a font now: move it out of UNCOVERED");
        assert!(!shown.contains(&c), "{c} is shown, but no font of the window has it");
    }
}
