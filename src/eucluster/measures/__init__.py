"""Measures of regional specialisation, in the order the book builds them.

* :mod:`~eucluster.measures.sbs_employment`: the region x division employment matrix from
  Eurostat's SBS and the treatment of its unpublished cells;
* :mod:`~eucluster.measures.specialisation`: location quotients and the ECCP node rules;
* :mod:`~eucluster.measures.strength`: cluster-strength measures (nodes, ECO stars, US CMP);
* :mod:`~eucluster.measures.ecosystems`: the 14 industrial ecosystems from their divisions;
* :mod:`~eucluster.measures.node_tables`: the ECCP paper's node tables recomputed;
* :mod:`~eucluster.measures.weak_gap`: how firm the weak/non-weak gap is;
* :mod:`~eucluster.measures.node_findings`, :mod:`~eucluster.measures.ecosystem_findings`:
  what the nodes and ecosystems chapters state, as key-figure records and tables.
"""
