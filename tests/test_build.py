"""Checks of the built book: run by `make test` after the HTML and PDF builds."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from eucluster.paths import PROJECT_ROOT

pytestmark = pytest.mark.build
HTML = PROJECT_ROOT / "_build" / "html"
PDF = PROJECT_ROOT / "_build" / "latex" / "book.pdf"
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.I)
CSS_EXTERNAL = re.compile(r"""(?:url\(|@import\s+)["']?(?:https?:)?//""", re.I)


def chapter_files() -> list[Path]:
    toc = yaml.safe_load((PROJECT_ROOT / "_toc.yml").read_text())
    names = [toc["root"]] + [c["file"] for c in toc["chapters"]]
    return [PROJECT_ROOT / f"{n}.py" for n in names if (PROJECT_ROOT / f"{n}.py").exists()]


def chapter_title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# # "):
            return line[4:].strip()
    raise AssertionError(f"{path} has no '# # Title' line")


def _tags_loading(text: str) -> list[str]:
    """Tags that make the browser fetch something: scripts, styles, fonts, images, frames."""
    tags = re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", text, re.I)
    return [t for t in tags if EXTERNAL.search(t) and not re.search(r'rel="?canonical', t)]


def test_every_chapter_has_an_html_page():
    for path in chapter_files():
        page = HTML / path.relative_to(PROJECT_ROOT).with_suffix(".html")
        assert page.exists(), f"{page} was not built"


def test_html_loads_nothing_from_outside_the_machine():
    offenders = {}
    for page in HTML.rglob("*.html"):
        found = _tags_loading(page.read_text(encoding="utf-8"))
        if found:
            offenders[str(page.relative_to(HTML))] = found[:3]
    for sheet in (HTML / "_static").rglob("*.css"):
        if CSS_EXTERNAL.search(sheet.read_text(encoding="utf-8", errors="replace")):
            offenders[str(sheet.relative_to(HTML))] = ["external url() in stylesheet"]
    assert not offenders, f"pages that fetch from the network: {offenders}"


def test_interactive_charts_have_their_javascript_locally():
    pages_with_vega = [
        p for p in HTML.rglob("*.html") if "vegaEmbed(" in p.read_text(encoding="utf-8")
    ]
    for page in pages_with_vega:
        assert "eucluster-vega.js" in page.read_text(encoding="utf-8")
    if pages_with_vega:
        assert (HTML / "_static" / "eucluster-vega.js").stat().st_size > 100_000


def test_key_figure_registry_was_written():
    registry = PROJECT_ROOT / "_build" / "key-figures.json"
    assert registry.exists() and registry.stat().st_size > 2


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_contains_every_chapter_title():
    assert PDF.exists(), "build the PDF first: make pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(PDF), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", " ", text).lower()
    for path in chapter_files():
        title = re.sub(r"\s+", " ", chapter_title(path)).lower()
        assert title in flat, f"chapter title {title!r} not found in {PDF.name}"
