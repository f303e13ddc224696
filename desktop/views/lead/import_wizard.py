"""„Liste einlesen": pick file → column mapping → the columns that are not taken over → problems by row →
preview → import with a progress bar → done. Nothing is stored before the last step, and that step is all or
nothing (one transaction)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.lead_import import ImportDone
from desktop.viewmodels.lead_import import ImportModel
from desktop.views.lead import texts
from desktop.views.style import heading_font
from sync.core import memberfile

TARGETS = (
    "first_name",
    "last_name",
    "phone",
    "phone2",
    "locality",
    "district",
    "postcode",
    "category",
    "consent_date",
)
PREVIEW_ROWS = 10
PROBLEM_ROWS = 500  # the table shows at most this many problems (the counts are complete)


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class ImportWizard(QWidget):
    imported = Signal(object)  # ImportDone

    PAGE_FILE, PAGE_MAPPING, PAGE_DROPPED, PAGE_PROBLEMS, PAGE_PREVIEW, PAGE_IMPORT, PAGE_DONE = range(7)

    def __init__(self, model: ImportModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.model = model
        self.choose_path = lambda: QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the membership list"),
            "",
            self.tr("Lists (*.csv *.xlsx *.txt);;All files (*)"),
        )[0]
        root = QVBoxLayout(self)
        self.step_label = QLabel("", self)
        self.step_label.setFont(heading_font(1.3))
        root.addWidget(self.step_label)
        self.stack = QStackedWidget(self)
        root.addWidget(self.stack, 1)
        self.error = QLabel("", self)
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        root.addWidget(self.error)
        nav = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"), self)
        self.next_button = QPushButton(self.tr("Next"), self)
        self.next_button.setDefault(True)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        root.addLayout(nav)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)

        # 0 file
        page = QWidget()
        v = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Choose the membership export (CSV or Excel .xlsx). Columns the campaign does "
                "not need are dropped; you see which before anything is stored."
            ),
            page,
        )
        intro.setWordWrap(True)  # a long line must not widen the window beyond a 1024-pixel screen
        v.addWidget(intro)
        self.pick_button = QPushButton(self.tr("Choose file …"), page)
        self.pick_button.clicked.connect(self.pick)
        self.file_label = QLabel("", page)
        v.addWidget(self.pick_button, 0, Qt.AlignmentFlag.AlignLeft)
        v.addWidget(self.file_label)
        v.addStretch(1)
        self.stack.addWidget(page)

        # 1 mapping
        page = QWidget()
        v = QVBoxLayout(page)
        self.format_label = QLabel("", page)
        self.format_label.setWordWrap(True)
        v.addWidget(self.format_label)
        self.mapping_table = QTableWidget(0, 3, page)
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Means"), self.tr("Taken over?")]
        )
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping_table.verticalHeader().setVisible(False)
        v.addWidget(self.mapping_table, 1)
        cat_row = QHBoxLayout()
        self.category_hint = QLabel(self.tr("The file has no category column. Everybody in it is:"), page)
        self.category_hint.setWordWrap(True)
        self.assume = QComboBox(page)
        self.assume.addItem(self.tr("— please choose —"), None)
        for cat in ("member", "former_member", "regular_contact"):
            self.assume.addItem(texts.category_label(cat), cat)
        self.assume.currentIndexChanged.connect(
            lambda _i: self.model.set_assumed_category(self.assume.currentData())
        )
        cat_row.addWidget(self.category_hint)
        cat_row.addWidget(self.assume)
        cat_row.addStretch(1)
        v.addLayout(cat_row)
        self.stack.addWidget(page)

        # 2 dropped columns
        page = QWidget()
        v = QVBoxLayout(page)
        self.dropped_label = QLabel("", page)
        self.dropped_label.setObjectName("droppedLabel")
        self.dropped_label.setWordWrap(True)
        self.dropped_label.setFont(heading_font(1.1))
        self.kept_label = QLabel("", page)
        self.kept_label.setWordWrap(True)
        v.addWidget(self.dropped_label)
        v.addWidget(self.kept_label)
        v.addStretch(1)
        self.stack.addWidget(page)

        # 3 problems (the file is read here, with a progress bar)
        page = QWidget()
        v = QVBoxLayout(page)
        self.check_progress = QProgressBar(page)
        self.summary = QLabel("", page)
        self.summary.setWordWrap(True)
        self.problem_table = QTableWidget(0, 3, page)
        self.problem_table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Problem"), self.tr("Column")])
        self.problem_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problem_table.verticalHeader().setVisible(False)
        self.problem_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        v.addWidget(self.check_progress)
        v.addWidget(self.summary)
        v.addWidget(self.problem_table, 1)
        self.stack.addWidget(page)

        # 4 preview
        page = QWidget()
        v = QVBoxLayout(page)
        self.preview_label = QLabel("", page)
        self.preview_table = QTableWidget(0, 0, page)
        self.preview_table.verticalHeader().setVisible(False)
        v.addWidget(self.preview_label)
        v.addWidget(self.preview_table, 1)
        self.stack.addWidget(page)

        # 5 import
        page = QWidget()
        v = QVBoxLayout(page)
        self.import_label = QLabel("", page)
        self.import_label.setWordWrap(True)
        self.import_progress = QProgressBar(page)
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.clicked.connect(self.model.cancel)
        v.addWidget(self.import_label)
        v.addWidget(self.import_progress)
        v.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        v.addStretch(1)
        self.stack.addWidget(page)

        # 6 done
        page = QWidget()
        v = QVBoxLayout(page)
        self.done_label = QLabel("", page)
        self.done_label.setObjectName("savedLabel")
        self.done_label.setWordWrap(True)
        self.again_button = QPushButton(self.tr("Import another file"), page)
        self.again_button.clicked.connect(lambda: self.restart(self.model.campaign_id))
        v.addWidget(self.done_label)
        v.addWidget(self.again_button, 0, Qt.AlignmentFlag.AlignLeft)
        v.addStretch(1)
        self.stack.addWidget(page)

        model.planned.connect(self._planned)
        model.plan_failed.connect(self._plan_failed)
        model.check_progress.connect(self._progress(self.check_progress))
        model.checked.connect(self._checked)
        model.check_failed.connect(self._check_failed)
        model.commit_progress.connect(self._progress(self.import_progress))
        model.committed.connect(self._committed)
        model.commit_failed.connect(self._commit_failed)
        model.busy_changed.connect(lambda _busy: self._update_buttons())
        self.restart(None)

    # ------------------------------------------------------------------ navigation

    def restart(self, campaign_id: str | None) -> None:
        self.model.reset(campaign_id)
        self.file_label.setText(
            self.tr("No file chosen yet.") if campaign_id else self.tr("Choose or create a campaign first.")
        )
        self.pick_button.setEnabled(campaign_id is not None)
        self.error.clear()
        self.go(self.PAGE_FILE)

    def go(self, page: int) -> None:
        titles = {
            self.PAGE_FILE: self.tr("1. Choose the file"),
            self.PAGE_MAPPING: self.tr("2. Check the columns"),
            self.PAGE_DROPPED: self.tr("3. Not taken over"),
            self.PAGE_PROBLEMS: self.tr("4. Problems by row"),
            self.PAGE_PREVIEW: self.tr("5. Preview"),
            self.PAGE_IMPORT: self.tr("6. Import"),
            self.PAGE_DONE: self.tr("Done"),
        }
        self.stack.setCurrentIndex(page)
        self.step_label.setText(titles[page])
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.stack.currentIndex()
        plan = self.model.plan
        busy = self.model.busy
        self.back_button.setEnabled(
            page in (self.PAGE_MAPPING, self.PAGE_DROPPED, self.PAGE_PROBLEMS, self.PAGE_PREVIEW) and not busy
        )
        ready = {
            self.PAGE_FILE: plan is not None,
            self.PAGE_MAPPING: plan is not None
            and not plan.needs_category_assumption
            and not self.error.text(),
            self.PAGE_DROPPED: plan is not None,
            self.PAGE_PROBLEMS: self.model.result is not None and self.model.result.imported > 0,
            self.PAGE_PREVIEW: self.model.result is not None,
        }
        self.next_button.setVisible(page < self.PAGE_IMPORT)
        self.next_button.setEnabled(ready.get(page, False) and not busy)
        self.next_button.setText(self.tr("Import now") if page == self.PAGE_PREVIEW else self.tr("Next"))

    def next(self) -> None:
        page = self.stack.currentIndex()
        if page == self.PAGE_DROPPED:
            self.go(self.PAGE_PROBLEMS)
            self.summary.setText(self.tr("Reading the whole file …"))
            self.problem_table.setRowCount(0)
            self.check_progress.setValue(0)
            self.model.check()
        elif page == self.PAGE_PREVIEW:
            self.go(self.PAGE_IMPORT)
            result = self.model.result
            assert result is not None
            self.import_label.setText(
                self.tr("Importing %1 people. Nothing is stored until all of them are in.").replace(
                    "%1", str(result.imported)
                )
            )
            self.import_progress.setValue(0)
            self.model.commit()
        elif page < self.PAGE_IMPORT:
            self.go(page + 1)
        self._update_buttons()

    def back(self) -> None:
        page = self.stack.currentIndex()
        if page > self.PAGE_FILE:
            self.go(page - 1)

    def pick(self) -> None:
        path = self.choose_path()
        if path:
            self.choose_file(path)

    def choose_file(self, path: str) -> None:
        self.error.clear()
        self.file_label.setText(path.replace("\\", "/").rsplit("/", 1)[-1])
        self.model.choose_file(path)

    # ------------------------------------------------------------------ results

    def _progress(self, bar: QProgressBar):  # type: ignore[no-untyped-def]
        def update(done: int, total: int) -> None:
            bar.setMaximum(max(total, 1))
            bar.setValue(min(done, max(total, 1)))

        return update

    def _planned(self, plan: memberfile.ImportPlan) -> None:
        self.error.clear()
        fmt = "Excel" if plan.format == "xlsx" else "CSV"
        self.format_label.setText(
            self.tr("%1 file, header in row %2, about %3 rows.")
            .replace("%1", fmt)
            .replace("%2", str(plan.header_row))
            .replace("%3", str(plan.row_estimate))
        )
        table = self.mapping_table
        table.setRowCount(len(plan.mapping.columns))
        for row, col in enumerate(plan.mapping.columns):
            table.setItem(row, 0, _item(col.label))
            combo = QComboBox(table)
            combo.addItem(self.tr("— not taken over —"), None)
            for target in TARGETS:
                combo.addItem(texts.field_label(target), target)
            combo.setCurrentIndex(
                max(0, combo.findData(col.target.value if col.target is not None else None))
            )
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, idx=col.index: self.model.override(idx, c.currentData())
            )
            table.setCellWidget(row, 1, combo)
            kept = (
                self.tr("yes")
                if col.kept
                else self.tr("no – %1").replace(
                    "%1", texts.drop_reason_text(col.drop_reason.value) if col.drop_reason else ""
                )
            )
            table.setItem(row, 2, _item(kept))
        no_cat = not plan.has_category_column
        self.category_hint.setVisible(no_cat)
        self.assume.setVisible(no_cat)
        names = ", ".join(plan.dropped_columns)
        self.dropped_label.setText(
            self.tr("These columns will not be taken over: %1").replace("%1", names)
            if names
            else self.tr("Every column of the file is needed; nothing is dropped.")
        )
        kept = [texts.field_label(t.value) for t in plan.mapping.kept()]
        self.kept_label.setText(self.tr("Taken over: %1.").replace("%1", ", ".join(kept)))
        if self.stack.currentIndex() == self.PAGE_FILE:
            self.go(self.PAGE_MAPPING)
        self._update_buttons()

    def _plan_failed(self, code: str) -> None:
        self.error.setText(texts.error_text(code) + " " + self.tr("Nothing was changed."))
        self._update_buttons()

    def _checked(self, result: memberfile.ImportResult) -> None:
        self.check_progress.setValue(self.check_progress.maximum())
        self.summary.setText(
            self.tr(
                "%1 rows read: %2 can be imported, %3 rows not imported, %4 invalid numbers, "
                "%5 duplicates merged."
            )
            .replace("%1", str(result.total_rows))
            .replace("%2", str(result.imported))
            .replace("%3", str(len(result.refused_rows)))
            .replace("%4", str(len(result.invalid_rows)))
            .replace("%5", str(len(result.duplicates)))
        )
        issues: list[tuple[int, str, str]] = []
        issues += [(i.row, texts.row_problem_text(i.code.value), i.column or "") for i in result.refused_rows]
        issues += [(i.row, texts.row_problem_text(i.code.value), i.column or "") for i in result.invalid_rows]
        issues += [
            (d.row, texts.row_problem_text(d.code.value).replace("%1", str(d.merged_into_row)), "")
            for d in result.duplicates
        ]
        issues.sort(key=lambda x: x[0])
        shown = issues[:PROBLEM_ROWS]
        self.problem_table.setRowCount(len(shown))
        for r, (row, text, column) in enumerate(shown):
            self.problem_table.setItem(r, 0, _item(str(row)))
            self.problem_table.setItem(r, 1, _item(text))
            self.problem_table.setItem(r, 2, _item(column))
        if result.imported == 0:
            self.error.setText(self.tr("Nobody in this file can be imported."))
        self._fill_preview(result)
        self._update_buttons()

    def _fill_preview(self, result: memberfile.ImportResult) -> None:
        fields = [t.value for t in result.plan.mapping.kept() if t.value not in ("category", "consent_date")]
        columns = [f for f in TARGETS if f in fields]
        table = self.preview_table
        table.setColumnCount(len(columns))
        table.setHorizontalHeaderLabels([texts.field_label(f) for f in columns])
        rows = result.records[:PREVIEW_ROWS]
        table.setRowCount(len(rows))
        for r, rec in enumerate(rows):
            for c, f in enumerate(columns):
                table.setItem(r, c, _item(getattr(rec, f) or ""))
        table.resizeColumnsToContents()
        self.preview_label.setText(
            self.tr("The first %1 of %2 people, only with the fields that are kept:")
            .replace("%1", str(len(rows)))
            .replace("%2", str(result.imported))
        )

    def _check_failed(self, code: str) -> None:
        self.summary.clear()
        self.error.setText(texts.error_text(code) + " " + self.tr("Nothing was changed."))
        self._update_buttons()

    def _committed(self, done: ImportDone) -> None:
        self.import_progress.setValue(self.import_progress.maximum())
        text = (
            self.tr("%1 people are on the call list now (%2 in total).")
            .replace("%1", str(done.imported))
            .replace("%2", str(done.total_contacts))
        )
        if done.already_listed:
            text += " " + self.tr("%1 were on the list already and were skipped.").replace(
                "%1", str(done.already_listed)
            )
        if done.objected:
            text += " " + self.tr(
                "%1 asked the party not to be called again (objection register) and were not taken over."
            ).replace("%1", str(done.objected))
        self.done_label.setText(text)
        self.go(self.PAGE_DONE)
        self.imported.emit(done)

    def _commit_failed(self, code: str) -> None:
        self.error.setText(
            texts.error_text(code) + " " + self.tr("Nothing was imported; the list is unchanged.")
        )
        self.go(self.PAGE_PREVIEW)
