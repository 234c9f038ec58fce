"""Sphinx hooks the book needs beyond what Jupyter Book configures.

* Serve Vega, Vega-Lite and Vega-Embed from the book's own ``_static`` folder, built from
  the vl-convert bundle installed with the package, so interactive charts work offline and no
  page asks a CDN for anything.
* Offer the data behind every numbered table and figure as CSV files, linked under the
  captions and listed in the data appendix (:mod:`eucluster.build.data_files`).
* Merge the chapters' key figures into ``_build/key-figures.json`` when the build ends, so the
  registry is complete even when cached chapters were not re-executed.
"""

from __future__ import annotations

from pathlib import Path

from eucluster.build import data_files

VEGA_BUNDLE = "eucluster-vega.js"


def _write_vega_bundle(app) -> None:
    if app.builder.format != "html":
        return
    import vl_convert as vlc

    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    target = static / VEGA_BUNDLE
    # The bundle declares its helpers at the top level; inside a function they cannot clash
    # with the theme's globals (Sphinx's doctools declares ``_``). It exports itself on window.
    bundle = "(function () {\n" + vlc.javascript_bundle() + "\n})();\n"
    if not target.exists() or target.read_text(encoding="utf-8") != bundle:
        target.write_text(bundle, encoding="utf-8")
    app.add_js_file(VEGA_BUNDLE)


def _merge_key_figures(app, exception) -> None:
    if exception is not None:
        return
    from eucluster import key_figures

    if (key_figures.registry_dir() / "key-figures").exists():
        built = {Path(name).name for name in app.env.found_docs}
        key_figures.merge(key_figures.registry_dir(), chapters=built)


def _tidy_scripts(app, pagename, templatename, context, doctree) -> None:
    """Drop repeated inline scripts and Thebe (which points at a CDN and is never used).

    Jupyter Book 1.x registers some inline scripts twice; a repeated ``const`` declaration is
    a console error in the reader's browser.
    """
    scripts = context.get("script_files")
    if not scripts:
        return
    kept, seen = [], set()
    for script in scripts:
        body = getattr(script, "attributes", {}).get("body", "")
        key = (str(script), body)
        if key in seen or "thebe" in str(script) or "THEBE_JS_URL" in body:
            continue
        seen.add(key)
        kept.append(script)
    context["script_files"] = kept


def setup(app):
    app.connect("builder-inited", _write_vega_bundle)
    app.connect("html-page-context", _tidy_scripts)
    app.connect("build-finished", _merge_key_figures)
    data_files.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
