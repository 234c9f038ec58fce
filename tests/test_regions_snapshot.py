"""Regions on the real snapshot: the counts the chapter states and the recodings other chapters
rely on (skipped where the shared data folder is absent)."""

from __future__ import annotations

import pandas as pd
import pytest

from eucluster import data
from eucluster.geo import nuts, regions, weakness

pytestmark = pytest.mark.skipif(
    not (data.data_dir() / data.dataset(weakness.GDP_DATASET).path).is_file(),
    reason="the shared data snapshot is not available",
)


def test_study_regions_are_the_242_eu27_nuts2_regions():
    study = regions.study_regions()
    assert len(study) == 242
    assert set(study["country"]) == set(regions.EU27)


def test_weakness_covers_every_study_region_once():
    weak = weakness.classify()
    assert weak.index.equals(regions.study_regions().index)
    assert weak["gdp_pps_pct_eu27"].notna().all()
    assert weak["category"].value_counts().sum() == 242
    assert weak.loc["BG31", "weak"] and not weak.loc["LU00", "weak"]
    assert weak.loc["PT17", "category"] == "more developed"  # Lisbon, from the V2021 vintage


def test_gdp_nuts2024_codes_are_mapped_back():
    gdp = weakness.gdp_relative([2016])
    assert {"NL31", "NL33", "PT16"} <= set(gdp["geo"])
    assert not {"NL35", "NL36", "PT19"} & set(gdp["geo"])


def test_sbs_codes_recode_with_a_full_report():
    sbs = data.load("sbs_r_nuts06_r2")
    out, report = nuts.recode(sbs, 2013)
    assert report.rows_in == len(sbs)
    assert report.rows_out + sum(report.dropped_rows.values()) == report.rows_in
    kinds = report.codes.set_index("source")["kind"]
    assert kinds["FR21"] == "renamed" and kinds["HU10"] == "split" and kinds["DE11"] == "identical"
    assert "FRF2" in set(out["geo"]) and "FR21" not in set(out["geo"])


def test_for_codes_labels_the_sbs_regions():
    sbs = data.load("sbs_r_nuts06_r2")
    codes = sorted(c for c in sbs["geo"].unique() if len(c) == 4)
    labels = weakness.for_codes(codes)
    assert labels.index.tolist() == codes
    assert bool(labels.loc["FR21", "weak"]) is False and labels.loc["FR21", "geo_2021"] == "FRF2"
    assert bool(labels.loc["BG31", "weak"]) is True
    assert pd.isna(labels.loc["HU10", "weak"])  # HU11 and HU12 fall in different categories
    assert labels.loc["UKI3", "recode"] == "not a study region"


def test_sbs_employment_apportioned_keeps_every_job_it_reports_as_kept():
    sbs = data.load("sbs_r_nuts06_r2")
    rows = sbs[(sbs["year"] == 2010) & (sbs["indic_sb"] == "V16110") & sbs["value"].notna()]
    rows = rows[nuts.is_nuts2(rows["geo"]) & (rows["nace_r2"] == "C")]
    jobs = rows.groupby("geo")["value"].sum()
    out, report = nuts.recode(jobs, (2013, 2010, 2006), policy="apportion")
    assert report.rows_in == report.rows_kept + sum(report.dropped_rows.values())
    kept = report.codes.loc[~report.codes["kind"].isin(list(report.dropped_rows)), "source"]
    assert out.sum() == pytest.approx(jobs[kept].sum())
    assert {"HU11", "HU12"} <= set(out.index) and "HU10" in report.listed("apportioned")


def test_the_2026_pull_is_read_as_nuts_2021_or_2024():
    gdp = data.load(weakness.GDP_DATASET)
    gdp = gdp[(gdp["year"] == 2016) & nuts.is_nuts2(gdp["geo"])].set_index("geo")["value"]
    out, report = nuts.recode(gdp, nuts.PULL_2026_VERSIONS, policy="apportion", kind="rate")
    assert {"NL31", "NL33"} <= set(out.index) and not {"NL35", "NL36"} & set(out.index)
    assert report.listed("renamed") == ["NL35", "NL36"]
    assert report.rows_in == report.rows_kept + sum(report.dropped_rows.values())


def test_recoding_figures_name_the_codes_the_chapter_states():
    from eucluster.geo import weakness_sources

    values = {f.id: f.value for f in weakness_sources.recoding_figures()}
    assert values["regions.sources.renamed.codes"] == "NL35, NL36"
    assert values["regions.sources.unmatched.count"] == 5
    assert values["regions.sources.filled.codes"] == "PT16, PT17, PT18"


def test_every_regions_claim_holds_on_the_snapshot():
    from eucluster.geo import weakness_evidence as evidence
    from eucluster.key_figures import Claim

    labels = weakness.classify()
    records = evidence.eccp_comparison(labels).figures
    records += evidence.category_changes(range(2015, 2024)).figures
    claims = [r for r in records if isinstance(r, Claim)]
    assert len(claims) == 5 and all(c.holds for c in claims)
