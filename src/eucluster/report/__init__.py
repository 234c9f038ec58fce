"""What the book shows (the key figures it states are in :mod:`eucluster.key_figures`, below
the domain packages, because domain functions return their records).

* :mod:`~eucluster.report.charts`: the one Altair theme, offline rendering (SVG and PNG via
  vl-convert) and the generic chart builders;
* ``*_charts`` modules: the chart layouts of one chapter each (documents, regions, nodes,
  regression, organisations), built on the theme;
* :mod:`~eucluster.report.tables`: native MyST tables, numbered in HTML and PDF.
"""
