"""Statistics for leaders as charts (matplotlib's Qt canvas): incoming documents per issuer, dossiers
received / resolved / overdue per month with the on-time rate, and documents per field of work (or
feedback by category when there is feedback); the figures can be written to CSV or XLSX."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Optional

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from docmgr.core.library import Library
from docmgr.gui.archive.common import _t, run

TOP_ISSUERS = 8


class StatsPanel(QWidget):
    """Date range, charts, export. :meth:`refresh` computes off the GUI thread and draws when done."""

    def __init__(self, library: Library, report: Callable[[BaseException], None],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.library, self.report = library, report
        today = date.today()
        self.start = QDateEdit(QDate(today.year, 1, 1))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.refresh_button = QPushButton(_t("Show"))
        self.export_button = QPushButton(_t("Export CSV/XLSX…"))
        self.summary = QLabel()
        self.figure = Figure(figsize=(11, 7))  # fixed margins: a constrained layout doubles the drawing time
        self.canvas = FigureCanvasQTAgg(self.figure)
        top = QHBoxLayout()
        for widget in (QLabel(_t("From")), self.start, QLabel(_t("to")), self.end, self.refresh_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.canvas, 1)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.choose_export)
        self.result: Optional[dict[str, Any]] = None

    def range(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def refresh(self) -> Any:
        from docmgr.services.stats import compute

        library, (start, end) = self.library, self.range()
        return run(lambda: compute(library, start, end), self.draw, self.report)

    def draw(self, result: Any) -> None:
        self.result = result
        fig = self.figure
        fig.clear()
        issuers_ax, months_ax, third_ax = _axes(fig)
        issuers = sorted(result["documents"].items(), key=lambda kv: -sum(kv[1].values()))[:TOP_ISSUERS]
        names = [_short(n) for n, _ in issuers][::-1]
        issuers_ax.barh(names, [sum(m.values()) for _, m in issuers][::-1], color="#2f6690")
        issuers_ax.set_title(_t("Incoming documents by issuer"))
        self._months(months_ax, result)
        feedback = result.get("feedback")
        pairs = sorted(((k, v["count"]) for k, v in feedback.items()), key=lambda kv: -kv[1]) if feedback else \
            sorted(result["fields_of_work"].items(), key=lambda kv: -kv[1])
        third_ax.bar([_short(k, 14) for k, _ in pairs[:8]], [v for _, v in pairs[:8]], color="#3a7ca5")
        third_ax.set_title(_t("Feedback by category") if feedback else _t("Incoming documents by field of work"))
        third_ax.tick_params(axis="x", labelrotation=30)
        s = result.get("dossier_summary")
        rate = "—" if not s or s["on_time_rate"] is None else f"{s['on_time_rate']:.0%}"
        self.summary.setText(_t("{0} incoming documents; dossiers: {1} received, {2} resolved, on time {3}, "
                                "{4} overdue now").format(result["documents_total"], s["received"] if s else 0,
                                                          s["resolved"] if s else 0, rate,
                                                          s["overdue_now"] if s else 0))
        self.canvas.draw_idle()  # drawn once, at the next paint

    def _months(self, ax: Any, result: dict[str, Any]) -> None:
        months: dict[str, dict[str, int]] = {}
        for per_month in result["dossiers"].values():
            for month, v in per_month.items():
                acc = months.setdefault(month, {"received": 0, "resolved": 0, "on_time": 0, "overdue": 0})
                for k in acc:
                    acc[k] += v[k]
        if not months:  # no dossiers (yet): incoming documents per month instead
            for per_month in result["documents"].values():
                for month, n in per_month.items():
                    months.setdefault(month, {"received": 0})["received"] += n
            ax.set_title(_t("Incoming documents per month"))
        else:
            ax.set_title(_t("Dossiers per month of receipt"))
        keys = sorted(months)
        xs = range(len(keys))
        width = 0.28
        ax.bar([x - width for x in xs], [months[k]["received"] for k in keys], width, label=_t("received"),
               color="#81c3d7")
        if any("resolved" in months[k] for k in keys):
            ax.bar(list(xs), [months[k]["resolved"] for k in keys], width, label=_t("resolved"), color="#2f6690")
            ax.bar([x + width for x in xs], [months[k]["overdue"] for k in keys], width, label=_t("overdue"),
                   color="#d1495b")
            rate = ax.twinx()
            rate.plot(list(xs), [months[k]["on_time"] / months[k]["resolved"] if months[k]["resolved"] else 0
                                 for k in keys], color="#edae49", marker="o", label=_t("on-time rate"))
            rate.set_ylim(0, 1.05)
            rate.set_ylabel(_t("on-time rate"))
        ax.set_xticks(list(xs), keys, rotation=30)
        top = max((max(v.values()) for v in months.values()), default=1)
        ax.set_ylim(0, top * 1.3)  # room for the legend above the bars
        ax.legend(loc="upper left", fontsize=8, ncols=3)

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, _t("Export the figures"), "thong-ke.xlsx",
                                              "Excel (*.xlsx);;CSV (*.csv)")
        if path and self.result:
            from docmgr.services.stats import write

            write(self.result, path)


def _axes(fig: Any) -> tuple[Any, Any, Any]:
    grid = fig.add_gridspec(2, 2, left=0.2, right=0.93, top=0.94, bottom=0.1, hspace=0.45, wspace=0.25)
    return fig.add_subplot(grid[0, 0]), fig.add_subplot(grid[1, :]), fig.add_subplot(grid[0, 1])


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
