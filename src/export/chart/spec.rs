//! What to draw: which chart, in which format and language, how big, in which colours.

use std::path::Path;

use crate::domain::kpi::YearMonth;
use crate::domain::{Kpi, Language};

/// The font family plotters is told; `Measured` measures and draws all text with the bundled
/// NanumGothic whatever this says.
pub const FONT_FAMILY: &str =
    "NanumGothic, Nanum Gothic, Malgun Gothic, Apple SD Gothic Neo, Noto Sans CJK KR, sans-serif";

/// A KPI's series colour (the dashboard uses the same ones).
pub fn kpi_rgb(kpi: Kpi) -> (u8, u8, u8) {
    match kpi {
        Kpi::SuccessRate => (0x2f, 0x6f, 0xd6),
        Kpi::RollbackRate => (0xc0, 0x6a, 0x10),
        Kpi::DeployTime => (0x7b, 0x4a, 0xa8),
        Kpi::Downtime => (0x1f, 0x8a, 0x70),
        Kpi::Deployments => (0x1d, 0x6f, 0x9e),
        Kpi::LeadTime => (0x8a, 0x5a, 0x00),
        Kpi::ChangeFailureRate => (0xa8, 0x3a, 0x6e),
        Kpi::RecoveryTime => (0x3d, 0x7a, 0x1f),
        Kpi::HotfixLeadTime => (0xb0, 0x45, 0x1b),
    }
}

/// The target line's colour.
pub const TARGET_RGB: (u8, u8, u8) = (0x44, 0x44, 0x44);
/// The colour of months off target.
pub const OFF_TARGET_RGB: (u8, u8, u8) = (0xd6, 0x27, 0x28);
/// The colour of a period on target.
pub const ON_TARGET_RGB: (u8, u8, u8) = (0x1f, 0x8a, 0x4c);

/// What to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    One(Kpi),
    /// The brief's four on one page.
    Summary,
}

impl ChartKind {
    /// `success-rate`, ... or `all` (the CLI's `--kpi`).
    pub fn slug(self) -> &'static str {
        match self {
            Self::One(kpi) => kpi.slug(),
            Self::Summary => "all",
        }
    }

    pub fn from_slug(text: &str) -> Option<Self> {
        if text.trim().eq_ignore_ascii_case("all") {
            return Some(Self::Summary);
        }
        Kpi::from_slug(text).map(Self::One)
    }
}

/// The file format, from the file name's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    Svg,
    Png,
}

impl ImageFormat {
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(Self::Svg),
            "png" => Some(Self::Png),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Png => "png",
        }
    }
}

/// Smallest and largest chart side, in pixels.
pub const MIN_SIDE: u32 = 200;
pub const MAX_SIDE: u32 = 8000;

/// A chart to draw: which, in what language, how big.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartSpec {
    pub kind: ChartKind,
    pub language: Language,
    pub width: u32,
    pub height: u32,
}

impl ChartSpec {
    /// The default size: 1200 x 700 for one KPI, 1600 x 1100 for the summary page.
    pub fn new(kind: ChartKind, language: Language) -> Self {
        let (width, height) = match kind {
            ChartKind::One(_) => (1200, 700),
            ChartKind::Summary => (1600, 1100),
        };
        Self { kind, language, width, height }
    }
}

/// The default file name: `kpi-2026-11.svg` for the summary, `kpi-success-rate-2026-11.png` for one.
pub fn default_file_name(kind: ChartKind, last_month: YearMonth, format: ImageFormat) -> String {
    match kind {
        ChartKind::Summary => format!("kpi-{last_month}.{}", format.extension()),
        ChartKind::One(kpi) => format!("kpi-{}-{last_month}.{}", kpi.slug(), format.extension()),
    }
}
