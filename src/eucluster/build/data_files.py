"""Sphinx side of the data files: every numbered table and figure gets its data as a CSV.

The data arrive inside the executed notebooks (see :mod:`eucluster.report.downloads`): a table
shown with ``show_table`` and every rendered chart carry a ``DATA_MIME`` entry. Reading them
from the notebook that myst-nb writes after executing (or loading from the cache) a chapter
needs no chapter edit and no file written by a kernel, so a cached chapter still has its data.

* ``doctree-read``: for each numbered table and figure (a node with a ``tbl-``/``fig-`` name),
  find its data: a table's by the label ``show_table`` got, a glued chart's by its glue name,
  which the book's convention makes the figure's name. An item without data is a warning.
* ``doctree-resolved`` (HTML): write ``data/<chapter>/<label>.csv`` beside the HTML, with a
  header line made of the resolved caption, and link it under the caption ("Data (CSV)").
* The ``data-files`` directive marks the data appendix; a post-transform, run before
  references are resolved, fills it with one row per file: a ``numref`` to the item (so each
  edition prints its own number), the caption's first sentence, the file's path and, when
  ``html_baseurl`` is set, its published URL.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from eucluster.report import downloads

logger = logging.getLogger(__name__)
ENV_KEY = "eucluster_data_files"
KINDS = {nodes.figure: "figure", nodes.table: "table"}
PREFIXES = {"figure": "fig-", "table": "tbl-"}
#: Column widths of the appendix tables (item, title, file), per cent of the text width.
WIDTHS = (15, 47, 38)


def glued_payloads(glued: dict) -> dict[str, dict]:
    """Data entries of an executed chapter by glue name, from the glue data myst-nb writes
    (``<chapter>.glue.json``: each name's output, with its MIME bundle under ``data``)."""
    found = {}
    for name, output in glued.items():
        payload = output.get("data", {}).get(downloads.DATA_MIME)
        if payload:
            found[name] = payload
    return found


def item_label(node: nodes.Element, kind: str) -> str | None:
    """The item's own name (``fig-...``/``tbl-...``), which names its file."""
    return next((n for n in node.get("names", []) if n.startswith(PREFIXES[kind])), None)


def caption_node(node: nodes.Element) -> nodes.Element | None:
    wanted = nodes.caption if isinstance(node, nodes.figure) else nodes.title
    return next((child for child in node.children if isinstance(child, wanted)), None)


def numbered_items(doctree: nodes.document):
    """``(node, kind, label)`` of each captioned, named table and figure, in reading order."""
    for node in doctree.findall(lambda n: isinstance(n, (nodes.figure, nodes.table))):
        kind = KINDS.get(type(node))
        label = item_label(node, kind) if kind else None
        if label and caption_node(node) is not None:
            yield node, kind, label


XREF_KEYS = ("refdomain", "reftype", "reftarget", "refexplicit")


def caption_with_tokens(caption: nodes.Element) -> str:
    """A caption's text with each cross-reference (``{numref}``, a citation) kept as a token,
    since the appendix is assembled before any reference is resolved; the tokens become
    references again in :func:`title_nodes`, resolved in each edition like any other."""
    copy = caption.deepcopy()
    for xref in list(copy.findall(addnodes.pending_xref)):
        fields = {key: xref.get(key) for key in XREF_KEYS}
        fields["text"] = xref.astext()
        xref.replace_self(nodes.Text(downloads.xref_token(fields)))
    return copy.astext()


def title_nodes(text: str, docname: str) -> list[nodes.Node]:
    """Text with the cross-reference tokens of :func:`caption_with_tokens` as references."""
    found: list[nodes.Node] = []
    for number, part in enumerate(downloads.TOKEN.split(text)):
        if number % 2 == 0:
            if part:
                found.append(nodes.Text(part))
            continue
        fields = json.loads(part)
        shown = fields.pop("text")
        found.append(addnodes.pending_xref("", nodes.inline("", shown), refdoc=docname, **fields))
    return found


def relative_uri(page_uri: str, target: str) -> str:
    """``target`` (relative to the HTML root) as seen from the page at ``page_uri``."""
    return posixpath.relpath(target, posixpath.dirname(page_uri) or ".")


def chapter_of(docname: str) -> str:
    return docname.rsplit("/", 1)[-1]


def _collect(app, doctree) -> None:
    env = app.env
    store = env.__dict__.setdefault(ENV_KEY, {})
    store.pop(env.docname, None)
    glue_file = Path(env.mystnb_config.output_folder) / f"{env.docname}.glue.json"
    glued = {}
    if "glue" in getattr(env, "nb_metadata", {}).get(env.docname, {}) and glue_file.exists():
        glued = json.loads(glue_file.read_text(encoding="utf-8"))
    payloads = glued_payloads(glued)
    entries = []
    for node, kind, label in numbered_items(doctree):
        payload = payloads.get(label)
        if payload is None:
            logger.warning(
                f"{kind} {label} has no data for its CSV file: show a table with "
                "eucluster.report.tables.show_table, glue a chart under the figure's name",
                location=node,
            )
            continue
        title = downloads.first_sentence(caption_with_tokens(caption_node(node)))
        entries.append({"label": label, "kind": kind, "title": title, "csv": payload["csv"]})
    if entries:
        store[env.docname] = entries


def _purge(app, env, docname) -> None:
    env.__dict__.get(ENV_KEY, {}).pop(docname, None)


def _merge(app, env, docnames, other) -> None:
    store = env.__dict__.setdefault(ENV_KEY, {})
    for docname in docnames:
        if docname in other.__dict__.get(ENV_KEY, {}):
            store[docname] = other.__dict__[ENV_KEY][docname]


def item_name(env, docname: str, kind: str, label: str) -> str:
    """ "Table 3.1" as this build numbers and names it (the bare label when numbering is off)."""
    number = env.toc_fignumbers.get(docname, {}).get(kind, {}).get(label)
    if not number:
        return label
    return env.config.numfig_format.get(kind, "%s") % ".".join(map(str, number))


def _write_and_link(app, doctree, docname) -> None:
    """Write this page's data files and link each under its caption (HTML builders only)."""
    entries = app.env.__dict__.get(ENV_KEY, {}).get(docname)
    if app.builder.format != "html" or not entries:
        return
    by_label = {entry["label"]: entry for entry in entries}
    page_uri = app.builder.get_target_uri(docname)
    chapter_title = app.env.titles[docname].astext() if docname in app.env.titles else docname
    for node, kind, label in list(numbered_items(doctree)):
        if label not in by_label:
            continue
        target = downloads.file_path(chapter_of(docname), label)
        header = downloads.header_line(
            item=item_name(app.env, docname, kind, label),
            label=label,
            chapter_title=chapter_title,
            book_title=app.config.html_title or app.config.project,
            caption=caption_node(node).astext(),
        )
        path = Path(app.outdir) / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(downloads.file_text(header, by_label[label]["csv"]), encoding="utf-8")
        link = nodes.paragraph(
            "",
            "",
            nodes.reference("", "Data (CSV)", refuri=relative_uri(page_uri, target)),
            classes=["eucluster-data-link"],
        )
        if kind == "figure":
            # docutils closes <figcaption> only when a caption or legend ends the figure.
            legend = next((c for c in node.children if isinstance(c, nodes.legend)), None)
            if legend is None:
                legend = nodes.legend()
                node += legend
            legend += link
        else:
            node.parent.insert(node.parent.index(node) + 1, link)


class data_files_list(nodes.General, nodes.Element):
    """Where the data appendix's list goes; filled once every chapter has been read."""


class DataFilesDirective(Directive):
    """``{data-files}``: the list of every data file of the book (the data appendix)."""

    has_content = False

    def run(self):
        # The page's own name: a LaTeX build resolves references on the whole book at once,
        # where the document being transformed is the root, not this page.
        return [data_files_list(docname=self.state.document.settings.env.docname)]


def book_order(env, root: str) -> list[str]:
    """Documents in table-of-contents order, depth first from ``root``."""
    order, stack = [], [root]
    while stack:
        docname = stack.pop(0)
        if docname in order:
            continue
        order.append(docname)
        stack[0:0] = env.toctree_includes.get(docname, [])
    return order


def _cell(*children: nodes.Node) -> nodes.entry:
    return nodes.entry("", nodes.paragraph("", "", *children))


def _file_row(entry: dict, source: str, docname: str, base_url: str, page_uri: str | None):
    target = downloads.file_path(chapter_of(source), entry["label"])
    reference = addnodes.pending_xref(
        "",
        nodes.inline("", entry["label"]),
        refdomain="std",
        reftype="numref",
        reftarget=entry["label"],
        refexplicit=False,
        refwarn=True,
        refdoc=docname,
    )
    shown = nodes.literal("", base_url + target if base_url else target)
    if page_uri is not None:
        shown = nodes.reference("", "", shown, refuri=relative_uri(page_uri, target))
    return [reference, nodes.inline("", "", *title_nodes(entry["title"], docname)), shown]


def _files_table(rows: list[list[nodes.Node]]) -> list[nodes.Node]:
    """A three-column table (item, title, file) in fixed proportions; short enough per chapter
    to stay a plain table in LaTeX (a long table repeats a 'Table n continued' line that an
    uncaptioned table has no number for)."""
    table = nodes.table(classes=["eucluster-data-files", "colwidths-given"])
    group = nodes.tgroup(cols=3)
    table += group
    for width in WIDTHS:
        group += nodes.colspec(colwidth=width)
    group += nodes.thead(
        "", nodes.row("", *[_cell(nodes.Text(t)) for t in ("Item", "Title", "File")])
    )
    group += nodes.tbody("", *[nodes.row("", *[_cell(c) for c in row]) for row in rows])
    ragged = r">{\raggedright\arraybackslash}"
    spec = "".join(f"{ragged}\\X{{{w}}}{{100}}" for w in WIDTHS)
    return [addnodes.tabular_col_spec(spec=spec), table]


def appendix_nodes(env, docname: str, base_url: str, page_uri: str | None) -> list[nodes.Node]:
    """The appendix: a sentence on where the files are, then each chapter's files (item,
    caption's first sentence, file); with ``page_uri`` (the appendix's HTML page) each file
    name links to its file."""
    store = env.__dict__.get(ENV_KEY, {})
    sources = [d for d in book_order(env, env.config.root_doc) if store.get(d)]
    if base_url:
        where = f"Each file is published at the address shown, under {base_url}."
    else:
        where = (
            "Paths are relative to the HTML edition's root folder (the one holding "
            f"index.html): the files are in its {downloads.FOLDER}/ folder, one sub-folder per "
            "chapter, and each is linked under its table's or figure's caption."
        )
    count = sum(len(store[d]) for d in sources)
    found = [nodes.paragraph("", f"{count} data files. {where}")]
    for source in sources:
        title = env.titles[source].astext() if source in env.titles else source
        found.append(nodes.rubric("", title))
        rows = [_file_row(e, source, docname, base_url, page_uri) for e in store[source]]
        found.extend(_files_table(rows))
    return found


class FillDataFiles(SphinxPostTransform):
    """Replace the appendix placeholder before references are resolved (priority 10), so that
    its ``numref`` references resolve like any other in each edition."""

    default_priority = 5

    def run(self, **kwargs) -> None:
        base_url = self.app.config.html_baseurl or ""
        if base_url and not base_url.endswith("/"):
            base_url += "/"
        html = self.app.builder.format == "html"
        for placeholder in list(self.document.findall(data_files_list)):
            docname = placeholder["docname"]
            page_uri = self.app.builder.get_target_uri(docname) if html else None
            placeholder.replace_self(appendix_nodes(self.env, docname, base_url, page_uri))


def _outdated(app, env, added, changed, removed) -> list[str]:
    """The appendix lists every chapter: re-read it whenever a chapter was."""
    if not (added or changed or removed):
        return []
    return [d for d in env.found_docs if "data-files" in _source_text(env, d)]


def _source_text(env, docname: str) -> str:
    path = Path(env.doc2path(docname))
    return path.read_text(encoding="utf-8") if path.suffix == ".md" else ""


STYLE = "eucluster-data.css"
CSS = """.eucluster-data-link { font-size: 0.85em; margin-top: -0.6em; }
figure .eucluster-data-link { margin-top: 0.2em; }
table.eucluster-data-files td, table.eucluster-data-files th { font-size: 0.9em; }
"""


def _write_style(app) -> None:
    """A smaller "Data (CSV)" line, close to its table, from the book's own ``_static``."""
    if app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / STYLE).write_text(CSS, encoding="utf-8")
    app.add_css_file(STYLE)


def setup(app) -> None:
    app.connect("builder-inited", _write_style)
    app.add_node(data_files_list)
    app.add_directive("data-files", DataFilesDirective)
    app.add_post_transform(FillDataFiles)
    app.connect("doctree-read", _collect)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _outdated)
    app.connect("doctree-resolved", _write_and_link)
