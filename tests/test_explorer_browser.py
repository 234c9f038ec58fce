"""The region explorer in a real browser: choosing a region redraws every panel.

The explorer is the one page whose point is interaction, so beyond the page checks of
``test_browser`` (no outside request, no console error, the view drawn) it is driven: the test
reads the region named in the view, picks another region in the drop-down, and requires the
view to name the new region and no longer the old one.
"""

import pytest

from tests.test_browser import SHOTS, browser, server  # noqa: F401  (pytest fixtures)
from tests.test_build import HTML

pytestmark = pytest.mark.build
VIEW = "#region-explorer"


def view_text(page) -> str:
    return page.evaluate(f"() => document.querySelector('{VIEW} svg').textContent")


def test_choosing_a_region_redraws_the_explorer(server, browser):  # noqa: F811
    if not (HTML / "book" / "explorer.html").exists():
        pytest.fail("the explorer page was not built: run `make html`")
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{server}/book/explorer.html", wait_until="load")
    page.wait_for_selector(f"{VIEW} svg")
    select = page.locator(f"{VIEW} select")
    options = select.locator("option").all_inner_texts()
    before = select.input_value()
    assert len(options) > 200, f"the drop-down lists {len(options)} regions"
    assert before in view_text(page), f"the view does not name the default region {before}"

    other = next(value for value in ("PL22", "ITC4", "DE11") if value != before)
    select.select_option(other)
    page.wait_for_function(
        f"() => document.querySelector('{VIEW} svg').textContent.includes('{other}')",
        timeout=5000,
    )
    after = view_text(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"explorer-{other}.png"), full_page=True)
    page.close()
    assert other in after and before not in after, "the view did not follow the drop-down"
    assert not errors, errors
