"""One numbering of tables and figures in the HTML and the PDF."""

from pathlib import Path

import pytest
import yaml

from eucluster.build import numbering
from eucluster.paths import PROJECT_ROOT

PAGE = """
<p>See <a class="reference internal" href="#tbl-a"><span class="std std-numref">Table 2.1</span></a>
and <a class="reference internal" href="o.html#fig-c"><span class="std std-numref">Fig. 3.1</span>
</a>.</p>
<table class="table" id="tbl-a"><caption><span class="caption-number">Table 2.1 </span>A</caption>
</table>
<figure class="align-default" id="fig-b"><img src="x.svg" />
<figcaption><p><span class="caption-number">Fig. 2.1 </span>B</p></figcaption></figure>
<table class="table" id="tbl-unnumbered"></table>
<figure class="align-default" id="fig-later"><figcaption>
<span class="caption-number">Fig. 2.2 </span></figcaption></figure>
"""
AUX = r"""
\newlabel{book/two:tbl-a}{{2.1}{5}{A}{table.2.1}{}}
\newlabel{book/two:fig-b}{{2.1}{6}{B}{figure.2.1}{}}
\newlabel{book/two:fig-later}{{2.2}{6}{B}{figure.2.2}{}}
\newlabel{book/two::doc}{{2}{5}{}{chapter.2}{}}
\newlabel{book/intro:tbl-sources}{{1}{1}{}{table.0.1}{}}
"""


def test_captions_are_read_per_label_and_never_borrowed_from_the_next_element():
    assert numbering.caption_numbers(PAGE) == {"tbl-a": "2.1", "fig-b": "2.1", "fig-later": "2.2"}


def test_aux_labels_give_the_pdf_numbers():
    assert numbering.latex_numbers(AUX) == {
        "book/two:tbl-a": "2.1",
        "book/two:fig-b": "2.1",
        "book/two:fig-later": "2.2",
        "book/intro:tbl-sources": "1",
    }


def test_a_book_wide_html_number_is_a_mismatch(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "two.html").write_text(PAGE.replace("Table 2.1 ", "Table 7 "))
    problems = numbering.mismatches(numbering.html_numbers(tmp_path), numbering.latex_numbers(AUX))
    assert "book/two:tbl-a: 7 in the HTML but 2.1 in the PDF" in problems
    assert any("book/intro:tbl-sources" in p and "missing from the HTML" in p for p in problems)


def test_cross_references_are_checked_against_the_captions(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "two.html").write_text(PAGE)
    (tmp_path / "book" / "o.html").write_text(
        '<figure id="fig-c"><span class="caption-number">Fig. 3.2 </span></figure>'
    )
    assert numbering.reference_mismatches(tmp_path) == [
        "book/two cites book/o:fig-c as 3.1, its caption says 3.2"
    ]


def test_the_table_of_contents_numbers_the_chapters():
    """Without ``numbered`` the HTML numbers across the book while the PDF numbers per chapter."""
    toc = yaml.safe_load((PROJECT_ROOT / "_toc.yml").read_text(encoding="utf-8"))
    assert toc.get("options", {}).get("numbered") is True


HTML = PROJECT_ROOT / "_build" / "html"
AUX_FILE = PROJECT_ROOT / "_build" / "latex" / "book.aux"


@pytest.mark.build
def test_html_and_pdf_number_every_table_and_figure_alike():
    if not AUX_FILE.exists() or not HTML.exists():
        pytest.fail("build the HTML and the PDF first: make html pdf")
    html = numbering.html_numbers(HTML)
    latex = numbering.latex_numbers(Path(AUX_FILE).read_text(encoding="utf-8"))
    assert html, "no numbered table or figure found in the HTML"
    assert not numbering.mismatches(html, latex)


@pytest.mark.build
def test_html_cross_references_show_the_caption_numbers():
    assert numbering.html_references(HTML), "no {numref} found in the HTML"
    assert not numbering.reference_mismatches(HTML)
