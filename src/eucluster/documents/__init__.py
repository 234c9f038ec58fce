"""Analyses of the five documents' own tables, read through the data door.

* :mod:`~eucluster.documents.sources`: the documents themselves and the data vintages the book
  reads (the introduction's tables);
* :mod:`~eucluster.documents.as_published` and :mod:`~eucluster.documents.landscape`: the
  documents' tables and headline figures as published, with their citations;
* :mod:`~eucluster.documents.published_readings`: what those tables show (orderings, the
  ecosystems that stand out, the services most organisations offer), as computed claims;
* :mod:`~eucluster.documents.organisations`: the statistics of small samples (intervals, exact
  tests, multiple comparisons, power) that the profiles rest on;
* :mod:`~eucluster.documents.gold_silver_services`,
  :mod:`~eucluster.documents.leading_organisations`, :mod:`~eucluster.documents.case_studies`,
  :mod:`~eucluster.documents.membership_fees`, :mod:`~eucluster.documents.cluster_membership`:
  the profiles of the best-practice cluster organisations, one topic each;
* :mod:`~eucluster.documents.label_claims`: the organisations chapter's conclusions about the
  excellence label (significance, power, the highlighted contrasts) as computed claims;
* :mod:`~eucluster.documents.recommendations`: the cross-walk of the policy recommendations
  to common themes and how far the documents agree.
"""
