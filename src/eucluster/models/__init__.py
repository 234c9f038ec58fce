"""Models of prosperity on cluster strength.

* :mod:`~eucluster.models.regression_data`: the regression dataset (one row per NUTS 2 region:
  prosperity, strength, controls), the chapter's parameters and samples;
* :mod:`~eucluster.models.estimation`: least squares with robust or clustered errors, tables,
  influence and added-variable data;
* :mod:`~eucluster.models.prosperity`: the chapter's specifications and their key figures;
* :mod:`~eucluster.models.spatial`: spatial weights, Moran's I (esda) and LM tests (spreg);
* :mod:`~eucluster.models.specification_curve`: the strength coefficient over a grid of choices.
"""
