"""XLSX source: zip-bomb guard, first worksheet via openpyxl's streaming parser, cached formula results only
(a formula without one and error values are marked per cell), inline strings read directly, rows numbered as
the spreadsheet shows them (gaps become blank rows)."""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Iterator
from io import BytesIO
from typing import Any

from . import limits
from .errors import ErrorCode, MemberFileError
from .source import _Table
from .text import _CELL_ERROR, _NO_CACHE, _OVERFLOW


def _open_xlsx(data: bytes) -> _Table:
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise MemberFileError(ErrorCode.XLSX_INVALID, type(exc).__name__) from None
    if unpacked > limits.MAX_XLSX_UNCOMPRESSED_BYTES:
        raise MemberFileError(ErrorCode.XLSX_TOO_LARGE, f"{unpacked} bytes unpacked")
    try:
        import openpyxl
        from openpyxl.utils.cell import coordinate_to_tuple
        from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser
        from openpyxl.xml.constants import SHEET_MAIN_NS

        is_tag = f"{{{SHEET_MAIN_NS}}}is"
        t_tag = f"{{{SHEET_MAIN_NS}}}t"
        run_t_path = f"{{{SHEET_MAIN_NS}}}r/{{{SHEET_MAIN_NS}}}t"

        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", module=r"openpyxl(\..*)?")
            wb = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True, keep_links=False)
            sheets = [ws for ws in wb.worksheets if hasattr(ws, "_worksheet_path")]
            if not sheets:
                raise MemberFileError(ErrorCode.XLSX_INVALID, "no worksheet")
            ws = sheets[0]
            estimate = int(ws.max_row or 0)
    except MemberFileError:
        raise
    except Exception as exc:  # a hostile zip can make openpyxl / the XML parser raise nearly anything
        raise MemberFileError(ErrorCode.XLSX_INVALID, type(exc).__name__) from None

    class _Parser(WorkSheetParser):  # type: ignore[misc]
        """data_only=True loses the information that a cell held a formula; keep it. Inline strings (written
        by many export tools) are read directly: openpyxl's rich-text model costs ~50 µs per cell."""

        def parse_cell(self, element: Any) -> dict[str, Any]:
            if element.get("t") == "inlineStr" and element.find(FORMULA_TAG) is None:
                coordinate = element.get("r")
                if coordinate:
                    row, column = coordinate_to_tuple(coordinate)
                    self.col_counter = column
                else:
                    self.col_counter += 1
                    row, column = self.row_counter, self.col_counter
                value = None
                inline = element.find(is_tag)
                if inline is not None:  # plain <t> plus the <t> of rich-text runs; phonetic runs skipped
                    parts = [t.text or "" for t in inline.findall(t_tag)]
                    parts += [t.text or "" for t in inline.findall(run_t_path)]
                    value = "".join(parts)
                return {"row": row, "column": column, "value": value, "data_type": "s", "style_id": 0}
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = _NO_CACHE
            elif cell["data_type"] == "e":
                cell["value"] = _CELL_ERROR
            return cell

    def rows() -> Iterator[tuple[int, list[Any]]]:
        # openpyxl warns about features it drops (extensions, legacy drawings, odd dates). Warnings are
        # silenced around each step only, never across a ``yield``: a catch_warnings block held open by a
        # suspended generator would restore the filters at the wrong moment.
        try:
            src = wb._archive.open(ws._worksheet_path)
            try:
                parser = _Parser(
                    src,
                    ws._shared_strings,
                    data_only=True,
                    epoch=wb.epoch,
                    date_formats=wb._date_formats,
                    timedelta_formats=wb._timedelta_formats,
                )
                it = parser.parse()
                expected = 1
                while True:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        item = next(it, None)
                    if item is None:
                        break
                    idx, cells = item
                    if idx > limits.MAX_ROWS:
                        raise MemberFileError(ErrorCode.TOO_MANY_ROWS)
                    if idx < expected:  # rows out of order or repeated: a damaged sheet
                        raise MemberFileError(ErrorCode.XLSX_INVALID, "rows out of order", row=idx)
                    while expected < idx:
                        yield expected, []
                        expected += 1
                    out: list[Any] = []
                    for c in cells:
                        col = c["column"]
                        v = c["value"]
                        if col > limits.MAX_COLUMNS:
                            if v is not None and v != "":
                                out.extend([None] * (limits.MAX_COLUMNS + 1 - len(out)))
                                out[limits.MAX_COLUMNS] = _OVERFLOW
                            continue
                        if col > len(out):
                            out.extend([None] * (col - len(out)))
                        out[col - 1] = v
                    yield idx, out
                    expected = idx + 1
            finally:
                src.close()
        except MemberFileError:
            raise
        except Exception as exc:
            raise MemberFileError(ErrorCode.XLSX_INVALID, type(exc).__name__) from None
        finally:
            try:
                wb.close()
            except Exception:  # pragma: no cover
                pass

    return _Table("xlsx", None, None, ws.title, rows(), estimate, False)
