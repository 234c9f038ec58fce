"""The documents chapter's readings of the published tables: each claim agrees with the table
it reads, and a toy table where the reading flips gets the sentence that says so."""

import pandas as pd

from eucluster import data
from eucluster.documents import as_published, published_readings
from eucluster.key_figures import Claim


def shown(record: Claim) -> str:
    return record.if_true if record.holds else record.if_false


def by_id(records):
    return {record.id: record for record in records}


def test_table1_readings_follow_the_printed_averages():
    claims = by_id(published_readings.table1_claims())
    table = data.load("eccp_table1").set_index("indicator")
    industry = table.loc["Average Number of Industry-Relevant Specialisation Nodes"]
    assert claims["documents.table1.industry_relevant_fewer"].holds == (
        industry["weak"] < industry["non_weak"]
    )
    assert all(record.holds for record in claims.values())


def test_table1_readings_flip_when_the_weak_regions_lead(monkeypatch):
    printed = data.load("eccp_table1")
    swapped = printed.rename(columns={"weak": "non_weak", "non_weak": "weak"})
    monkeypatch.setattr(published_readings.data, "load", lambda name: swapped)
    claims = by_id(published_readings.table1_claims())
    assert shown(claims["documents.table1.regional_relevant_not_fewer"]) == (
        "Regional-relevant nodes are less common in weak regions"
    )
    assert shown(claims["documents.table1.organisations_fewer"]) == (
        "weak regions host no fewer active cluster organisations"
    )


def toy_ecosystems(weak_regions, non_weak_regions, weak_organised, non_weak_organised):
    rows = []
    for table in ("Table 2", "Table 3"):
        for index, ecosystem in enumerate(["Agri-food", "Digital", "Health"]):
            for group, regions, organised in (
                ("weak", weak_regions, weak_organised),
                ("non-weak", non_weak_regions, non_weak_organised),
            ):
                rows.append((table, ecosystem, group, "regions_pct", regions[index]))
                rows.append((table, ecosystem, group, "nodes_with_co_pct", organised[index]))
    columns = ["table", "ecosystem", "group", "measure", "published_pct"]
    return pd.DataFrame(rows, columns=columns)


def test_ecosystem_readings_name_the_top_and_the_non_weak_lead():
    tables = toy_ecosystems([60, 10, 30], [5, 20, 40], [0, 0, 0], [10, 10, 0])
    readings = by_id(published_readings.ecosystem_readings(tables))
    top = readings["documents.ecosystems.weak_top"].value
    assert top == "Agri-food, Health and Digital"
    assert shown(readings["documents.ecosystems.non_weak_ahead"]).endswith(
        "in Digital and Health, in both tables"
    )
    organised = readings["documents.ecosystems.non_weak_organised"]
    assert organised.holds and "in 4 of the 6 ecosystem rows" in shown(organised)
    flipped = toy_ecosystems([60, 30, 50], [5, 20, 40], [20, 20, 0], [10, 10, 0])
    readings = by_id(published_readings.ecosystem_readings(flipped))
    assert shown(readings["documents.ecosystems.non_weak_ahead"]).startswith(
        "no ecosystem has non-weak regions more often specialised"
    )
    assert shown(readings["documents.ecosystems.non_weak_organised"]).startswith(
        "their nodes do not more often have a cluster organisation"
    )


def test_published_ecosystem_readings_hold():
    readings = by_id(published_readings.ecosystem_readings(data.eccp_ecosystem_tables()))
    assert readings["documents.ecosystems.weak_top"].value.startswith("Agri-food")
    assert all(r.holds for r in readings.values() if isinstance(r, Claim))


def test_service_readings_pool_the_three_groups_and_compare_intervals():
    readings = by_id(published_readings.service_readings(as_published.service_shares()))
    most = readings["documents.services.most_offered"]
    assert most.holds and "public funding" not in shown(most)  # 42 of 95 offer it
    assert shown(readings["documents.services.intervals_overlap"]).endswith("all 21 named services")
    toy = pd.DataFrame(
        {
            "service": ["A service"] * 3,
            "label": ["gold", "silver", "bronze"],
            "count": [1, 9, 1],
            "group_size": [29, 14, 52],
            "ci_low": [0.0, 0.4, 0.0],
            "ci_high": [0.2, 0.8, 0.1],
        }
    )
    readings = by_id(published_readings.service_readings(toy))
    assert shown(readings["documents.services.most_offered"]).startswith("No service")
    assert shown(readings["documents.services.intervals_overlap"]) == (
        "the intervals of gold and silver overlap for 0 of the 1 named services"
    )
