"""Tables that render as real tables in both the HTML and the PDF book.

A DataFrame's HTML representation is dropped by the LaTeX builder, and its LaTeX
representation is taken for mathematics by myst-nb. A MyST ``table`` directive emitted as
Markdown output becomes a native docutils table instead: numbered, captioned, referable with
``{numref}`` and typeset by Sphinx in every output format. The shown frame is also glued,
as CSV, under the table's label (see :mod:`eucluster.report.downloads`) for its download file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import pandas as pd
from IPython.display import Markdown

from eucluster.report import downloads

Formatter = str | Callable[[object], str]


def _cell(value: object, formatter: Formatter | None) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return "–"
    if formatter is None:
        text = f"{value:,.1f}" if isinstance(value, float) else str(value)
    elif isinstance(formatter, str):
        text = formatter.format(value)
    else:
        text = formatter(value)
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(
    frame: pd.DataFrame,
    *,
    label: str,
    caption: str,
    formats: Mapping[str, Formatter] | None = None,
    index: bool = False,
    align: str | None = None,
    widths: Sequence[int] | None = None,
    breakable: bool = False,
) -> str:
    """The MyST source of a captioned, labelled table for ``frame``.

    ``widths`` (one positive number per column, the index included when ``index`` is true)
    fixes the relative column widths. Without it the LaTeX builder sizes columns from their
    content, which squeezes wide tables of prose into columns one word wide; with it the
    table spans the text width in these proportions, each column set ragged-right (or
    ragged-left for numbers) so that narrow columns do not stretch the spaces between words.
    ``breakable`` lets a long table continue on the next PDF page (a LaTeX ``longtable``)
    instead of running past the foot of the page.
    """
    if not label.startswith("tbl-"):
        raise ValueError(f"table labels start with 'tbl-' so that references read well: {label}")
    formats = dict(formats or {})
    data = frame.reset_index() if index else frame
    header = "| " + " | ".join(str(c) for c in data.columns) + " |"
    if align is None:
        align = "".join("r" if pd.api.types.is_numeric_dtype(data[c]) else "l" for c in data)
    rule = "|" + "|".join(":--" if a == "l" else "--:" for a in align) + "|"
    rows = [
        "| "
        + " | ".join(_cell(v, formats.get(c)) for c, v in zip(data.columns, row, strict=True))
        + " |"
        for row in data.itertuples(index=False, name=None)
    ]
    body = "\n".join([header, rule, *rows])
    options = f":name: {label}\n:align: center\n"
    if breakable:
        options += ":class: longtable\n"
    prefix = ""
    if widths is not None:
        widths = [int(w) for w in widths]
        if len(widths) != len(data.columns) or min(widths) <= 0:
            raise ValueError(
                f"widths needs one positive number per column ({len(data.columns)}): {widths}"
            )
        options += ":widths: " + " ".join(str(w) for w in widths) + "\n"
        prefix = f":::{{tabularcolumns}} {_latex_columns(widths, align)}\n:::\n\n"
    return f"{prefix}:::{{table}} {caption}\n{options}\n{body}\n:::\n"


def _latex_columns(widths: Sequence[int], align: str) -> str:
    """A LaTeX column specification of ragged paragraph columns in the proportions ``widths``
    (Sphinx's ``\\X{a}{b}`` is a paragraph column ``a/b`` of the line width)."""
    total = sum(widths)
    ragged = {"l": r"\raggedright", "r": r"\raggedleft"}
    return "".join(
        f">{{{ragged.get(a, ragged['l'])}\\arraybackslash}}\\X{{{w}}}{{{total}}}"
        for w, a in zip(widths, align, strict=True)
    )


def show_table(frame: pd.DataFrame, **kwargs) -> Markdown:
    """Display ``frame`` as a captioned table (see :func:`markdown_table` for the arguments),
    and glue the shown columns, unformatted, under the table's label for its CSV file."""
    label = kwargs["label"]
    downloads.glue_data(
        label, downloads.table_payload(frame, label=label, index=kwargs.get("index", False))
    )
    return Markdown(markdown_table(frame, **kwargs))
