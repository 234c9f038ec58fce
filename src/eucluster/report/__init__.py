"""What the book shows.

* :mod:`~eucluster.report.key_figures`: the registry of every number the book states (value,
  unit, definition or source), glued into the prose; domain functions return
  :class:`~eucluster.report.key_figures.Figure` records that a chapter publishes in one call;
* :mod:`~eucluster.report.charts`: the one Altair theme, offline rendering (SVG and PNG via
  vl-convert) and the generic chart builders;
* ``*_charts`` modules: the chart layouts of one chapter each (documents, regions, nodes,
  regression, organisations), built on the theme;
* :mod:`~eucluster.report.tables`: native MyST tables, numbered in HTML and PDF.
"""
