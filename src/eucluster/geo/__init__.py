"""Geography: the study's regions, NUTS versions and the one recoder between them, and
structural weakness (cohesion categories from GDP per head).

* :mod:`~eucluster.geo.regions`: region frames, EU-27, capital regions, boundaries;
* :mod:`~eucluster.geo.crosswalks`: the JRC code lists and cross-walk read as tables;
* :mod:`~eucluster.geo.nuts`: :func:`~eucluster.geo.nuts.recode` with ``policy="drop"`` or
  ``"apportion"``, always with its report;
* :mod:`~eucluster.geo.weakness`: the one answer to "is this region weak?";
* :mod:`~eucluster.geo.weakness_evidence`: how firm that answer is (the regions chapter).
"""
