"""User alias files: merging names, forcing types, carrying identifiers, across articles."""
from __future__ import annotations

import pytest

from newsintel import Pipeline
from newsintel.aliases import load_aliases

TEXT_1 = "Meta Platforms a annoncé mardi l'ouverture d'un bureau à Lisbonne. Le groupe de Mark Zuckerberg y recrutera 200 ingénieurs."
TEXT_2 = "Facebook's parent will cut 300 jobs in Dublin, Meta said on Tuesday."


@pytest.fixture(scope="module")
def alias_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("aliases") / "aliases.csv"
    path.write_text("canonical,type,aliases,ticker\nMeta Platforms,company,Meta|Facebook's parent,META\n"
                    "Regulo,organization,Regulo Authority,\n", encoding="utf-8")
    return path


def test_load_csv_and_yaml(alias_csv, tmp_path):
    (meta, regulo) = load_aliases(alias_csv)
    assert meta.names == ("Meta Platforms", "Meta", "Facebook's parent") and meta.identifiers == {"ticker": "META"}
    assert regulo.type == "organization"
    y = tmp_path / "a.yaml"
    y.write_text("- canonical: Navalis\n  aliases: [Navalis SpA]\n  identifiers: {lei: 815600ABCDEF}\n", encoding="utf-8")
    (nav,) = load_aliases(y)
    assert nav.type == "company" and nav.identifiers == {"lei": "815600ABCDEF"}
    bad = tmp_path / "bad.yaml"
    bad.write_text("- canonical: X\n  type: brand\n", encoding="utf-8")
    with pytest.raises(ValueError, match="brand"):
        load_aliases(bad)


def test_aliases_merge_names_across_articles(alias_csv):
    p = Pipeline({"aliases": str(alias_csv)})
    fr = p.analyze(TEXT_1, lang="fr")
    en = p.analyze(TEXT_2, lang="en")
    meta_fr = next(e for e in fr.entities if e.canonical == "Meta Platforms")
    meta_en = next(e for e in en.entities if e.canonical == "Meta Platforms")
    assert meta_fr.entity_id == meta_en.entity_id
    assert meta_en.type == "company" and meta_en.identifiers == {"ticker": "META"}
    assert sorted(m.text for m in meta_en.mentions) == ["Facebook's parent", "Meta"]
    assert all(m.source == "alias" for m in meta_en.mentions)
    layoffs = en.events_of("layoffs")[0]
    assert layoffs.actor == meta_en.entity_id
