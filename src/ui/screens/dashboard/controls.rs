//! The dashboard's controls: the period (the last 3, 6 or 12 months, or from a month to a month),
//! the group and type filters, the targets editor and the export buttons, and the export's progress.

use egui::RichText;

use super::{Dashboard, PeriodChoice};
use crate::domain::kpi::{MonthRange, YearMonth};
use crate::domain::{Directory, GroupId, ReleaseType};
use crate::export::chart::ChartKind;
use crate::i18n::{self, tr, tr_args};
use crate::model::Model;

impl Dashboard {
    pub(super) fn controls_ui(&mut self, ui: &mut egui::Ui, model: &Model) {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr("kpi-period"));
            for n in [3, 6, 12] {
                let label = tr_args("kpi-last-months", &[("count", n.into())]);
                if ui.selectable_label(self.period == PeriodChoice::Last(n), label).clicked() {
                    self.period = PeriodChoice::Last(n);
                }
            }
            if ui.selectable_label(self.period == PeriodChoice::Custom, tr("kpi-custom")).clicked() {
                let range = self.range(model);
                self.custom_from = Some(range.from);
                self.custom_to = Some(range.to);
                self.period = PeriodChoice::Custom;
            }
            if self.period == PeriodChoice::Custom {
                let range = self.range(model);
                let mut from = self.custom_from.unwrap_or(range.from);
                let mut to = self.custom_to.unwrap_or(range.to);
                month_picker_ui(ui, "kpi_from", &tr("kpi-from"), &mut from);
                ui.label("–");
                month_picker_ui(ui, "kpi_to", &tr("kpi-to"), &mut to);
                self.custom_from = Some(from);
                self.custom_to = Some(to);
                if let Err(err) = MonthRange::new(from, to) {
                    ui.colored_label(ui.visuals().error_fg_color, i18n::range_invalid(&err));
                }
            }
            ui.separator();
            group_filter_ui(ui, model.directory(), &mut self.filter.group);
            type_filter_ui(ui, &mut self.filter.release_type);
            ui.separator();
            if ui.button(tr("kpi-targets-edit")).clicked() {
                self.open_targets(model);
            }
            let idle = self.export.is_none();
            if ui.add_enabled(idle, egui::Button::new(tr("kpi-export-summary"))).clicked() {
                self.save_chart_dialog(ui.ctx(), model, ChartKind::Summary);
            }
            if ui.add_enabled(idle, egui::Button::new(tr("kpi-export-csv"))).clicked() {
                self.save_csv_dialog(ui.ctx(), model);
            }
        });
        if let Some(job) = &self.export {
            ui.horizontal(|ui| {
                ui.label(tr_args("kpi-exporting", &[("file", job.file_name.clone().into())]));
                // Ours, not egui's `show_percentage`: at 0 % egui draws a dot under the figure.
                let percent = format!("{:.0}%", job.progress.clamp(0.0, 1.0) * 100.0);
                ui.add(crate::ui::widgets::progress_bar(job.progress, percent, 200.0));
            });
        } else if let Some((text, failed)) = &self.export_status {
            let text = RichText::new(text);
            ui.label(if *failed { text.color(ui.visuals().error_fg_color) } else { text });
        }
        let range = self.range(model);
        let report = self.report(model);
        ui.label(
            RichText::new(tr_args(
                "kpi-period-summary",
                &[
                    ("from", i18n::month_in(i18n::language(), range.from).into()),
                    ("to", i18n::month_in(i18n::language(), range.to).into()),
                    ("closed", report.total.closed.into()),
                ],
            ))
            .weak(),
        );
    }
}

/// A year and a month, picked with a number and a list.
fn month_picker_ui(ui: &mut egui::Ui, id: &str, name: &str, value: &mut YearMonth) {
    let mut year = value.year;
    let mut month = value.month;
    ui.add(egui::DragValue::new(&mut year).range(2000..=2100))
        .on_hover_text(format!("{name}: {}", tr("kpi-year")));
    egui::ComboBox::from_id_salt(id)
        .selected_text(format!("{month:02}"))
        .width(52.0)
        .show_ui(ui, |ui| {
            for m in 1..=12 {
                ui.selectable_value(&mut month, m, format!("{m:02}"));
            }
        })
        .response
        .on_hover_text(format!("{name}: {}", tr("kpi-month")));
    if let Some(picked) = YearMonth::new(year, month) {
        *value = picked;
    }
}

fn group_filter_ui(ui: &mut egui::Ui, directory: &Directory, group: &mut Option<GroupId>) {
    let text = group.map_or_else(|| tr("kpi-all-groups"), |g| directory.group_name(Some(g)).to_owned());
    egui::ComboBox::from_id_salt("kpi_group")
        .selected_text(text)
        .width(150.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(group, None, tr("kpi-all-groups"));
            for g in &directory.groups {
                ui.selectable_value(group, Some(g.id), &g.name);
            }
        })
        .response
        .on_hover_text(tr("kpi-filter-group"));
}

fn type_filter_ui(ui: &mut egui::Ui, release_type: &mut Option<ReleaseType>) {
    let text = release_type.map_or_else(|| tr("kpi-all-types"), i18n::release_type);
    egui::ComboBox::from_id_salt("kpi_type")
        .selected_text(text)
        .width(130.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(release_type, None, tr("kpi-all-types"));
            for t in ReleaseType::ALL {
                ui.selectable_value(release_type, Some(*t), i18n::release_type(*t));
            }
        })
        .response
        .on_hover_text(tr("kpi-filter-type"));
}
