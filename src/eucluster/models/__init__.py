"""Models of prosperity on cluster strength.

* :mod:`~eucluster.models.regression_data`: the regression dataset (one row per NUTS 2 region:
  prosperity, strength, controls), the chapter's parameters and samples;
* :mod:`~eucluster.models.estimation`: least squares with robust or clustered errors, tables,
  influence and added-variable data;
* :mod:`~eucluster.models.prosperity`: the chapter's specifications and their key figures;
* :mod:`~eucluster.models.spatial`: spatial weights, Moran's I (esda) and LM tests (spreg);
* :mod:`~eucluster.models.designs`, :mod:`~eucluster.models.inference`,
  :mod:`~eucluster.models.spillovers`: the four designs, wild bootstrap and spatial-HAC
  inference, SLX and spatial error models (run together by :mod:`~eucluster.models.evidence`);
* :mod:`~eucluster.models.curve_grid`, :mod:`~eucluster.models.batched_ols`,
  :mod:`~eucluster.models.joint_curve`: the specification curve, estimated batched, and its
  joint test under within-country permutations;
* :mod:`~eucluster.models.node_counts`, :mod:`~eucluster.models.country_bootstrap`: node counts
  of weak and non-weak regions adjusted for size, and countries resampled as blocks.
"""
