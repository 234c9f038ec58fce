"""Checks of the built book: run by `make test` after the HTML and PDF builds."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from eucluster.build.chapters import chapter_sources
from eucluster.paths import PROJECT_ROOT

pytestmark = pytest.mark.build
HTML = PROJECT_ROOT / "_build" / "html"
PDF = PROJECT_ROOT / "_build" / "latex" / "book.pdf"
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.I)
CSS_EXTERNAL = re.compile(r"""(?:url\(|@import\s+)["']?(?:https?:)?//""", re.I)


def chapter_files() -> list[Path]:
    return chapter_sources()


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


def _run(*command: str) -> str:
    if shutil.which(command[0]) is None:
        pytest.fail(f"{command[0]} is missing: run `make system-deps` (poppler-utils)")
    assert PDF.exists(), "build the PDF first: make pdf"
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _letters(text: str) -> str:
    """Lower-case letters and digits only: survives LaTeX hyphenation, ligatures and spacing."""
    text = text.replace("\ufb01", "fi").replace("\ufb02", "fl").replace("\ufb00", "ff")
    return re.sub(r"[^a-z0-9]", "", text.lower())


def figure_captions(path: Path) -> list[str]:
    """Opening words of each figure caption in a chapter source (MyST roles reduced to text)."""
    lines = [re.sub(r"^# ?", "", line) for line in path.read_text(encoding="utf-8").splitlines()]
    captions = []
    for number, line in enumerate(lines):
        if re.match(r"^```\{(?:glue:)?figure\}", line):
            body = lines[number + 1 :]
            while body and (body[0].startswith(":") or not body[0].strip()):
                body = body[1:]
            # Up to the first MyST role: a {numref} or {glue} renders as text the source lacks.
            words = body[0].split("{")[0].split()
            captions.append(" ".join(words[:6]))
    return captions


@pytest.fixture(scope="module")
def pdf_text() -> str:
    return _run("pdftotext", "-layout", str(PDF), "-")


def test_pdf_contains_every_chapter_title(pdf_text):
    flat = _letters(pdf_text)
    for path in chapter_files():
        assert _letters(chapter_title(path)) in flat, f"{path.stem}: title not in {PDF.name}"


def test_pdf_contains_every_figure_caption(pdf_text):
    flat = _letters(pdf_text)
    captions = [(p.stem, c) for p in chapter_files() for c in figure_captions(p)]
    assert captions, "no figure found in the chapters: is figure_captions broken?"
    missing = [(stem, c) for stem, c in captions if _letters(c) not in flat]
    assert not missing, f"figure captions missing from the PDF: {missing}"


def test_pdf_figures_are_not_empty_boxes(pdf_text):
    figures = sum(len(figure_captions(p)) for p in chapter_files())
    numbered = set(re.findall(r"Fig(?:ure|\.) (\d+(?:\.\d+)?)", pdf_text))
    assert len(numbered) >= figures, f"{len(numbered)} numbered figures, expected {figures}"
    rows = _run("pdfimages", "-list", str(PDF)).splitlines()[2:]
    images = [r.split() for r in rows if r.split()[2] == "image"]
    drawn = [r for r in images if int(r[3]) >= 100 and int(r[4]) >= 100]
    assert len(drawn) >= figures, f"{len(drawn)} images of at least 100 px for {figures} figures"


def test_pdf_has_pages_for_every_chapter():
    info = _run("pdfinfo", str(PDF))
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages >= 2 * len(chapter_files()), f"{pages} pages for {len(chapter_files())} chapters"


def test_two_executions_give_byte_identical_key_figures():
    """`make chapters` (nbval) and the HTML build execute every chapter separately."""
    first = PROJECT_ROOT / "_build" / "nbval" / "key-figures.json"
    second = PROJECT_ROOT / "_build" / "key-figures.json"
    assert first.exists(), f"{first} missing: run `make chapters` before the checks"
    if first.read_bytes() != second.read_bytes():
        import json

        a, b = json.loads(first.read_text()), json.loads(second.read_text())
        moved = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
        pytest.fail(f"key figures differ between two executions: {moved[:10]}")
