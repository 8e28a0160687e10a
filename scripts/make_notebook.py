#!/usr/bin/env python
"""Write ``notebooks/quickstart.ipynb`` (unexecuted) from the cells below.

The tests execute the notebook; keeping its source here makes changes reviewable as code.
"""
from pathlib import Path

import nbformat as nbf

ROOT = Path(__file__).resolve().parents[1]

CELLS = [
    ("md", "# newsintel quickstart\n\nFrom one article to a folder of them: typed records first, then tidy pandas tables."),
    ("code", "import newsintel\nfrom pathlib import Path\n\nROOT = Path.cwd().parent if Path.cwd().name == 'notebooks' else Path.cwd()\npipeline = newsintel.Pipeline()\nnewsintel.__version__"),
    ("md", "## One article\n\n`analyze` returns an `ArticleRecord`: entities with their mentions, events with their arguments, and sentiment."),
    ("code", "record = pipeline.analyze(\n    \"Le groupe italien Navalis va transférer 180 ingénieurs de Milan à Lisbonne d'ici à la fin de 2025, \"\n    \"a annoncé son directeur général, Luca Rossi.\",\n    published=\"2025-03-01\",\n)\n[(e.type, e.canonical, e.code, e.role) for e in record.entities]"),
    ("code", "event = record.events_of('relocation')[0]\nprint(event.type, event.modality, event.tense, event.countries, event.time)\nprint('actor:', record.entity(event.actor).canonical)\nprint('from', [record.entity(i).canonical for i in event.origin], 'to', [record.entity(i).canonical for i in event.destination])"),
    ("md", "## A folder\n\n`analyze_folder` reads `.txt`, `.md`, `.html`, `.json` and `.jsonl` files recursively; every document gets a record (or an error entry)."),
    ("code", "results = newsintel.analyze_folder(ROOT / 'corpora' / 'samples', pipeline=pipeline)\nresults"),
    ("code", "results.articles[['doc_id', 'language', 'title', 'published', 'n_entities', 'n_events', 'sentiment_label']]"),
    ("code", "results.events[['type', 'actor', 'person', 'role', 'locations', 'origin', 'destination', 'countries', 'quantity_value', 'quantity_unit', 'time_value', 'modality']]"),
    ("md", "Entity ids are stable across articles, so a company or a region aggregates over the whole folder:"),
    ("code", "ents = results.entities\nents[ents.type == 'region'].groupby(['code', 'canonical']).size().sort_values(ascending=False).head(10)"),
    ("code", "ents[ents.type == 'company'].groupby('canonical')['sentiment_score'].agg(['count', 'mean']).sort_values('count', ascending=False).head(10)"),
    ("md", "## Writing and reading back"),
    ("code", "import tempfile\nout = Path(tempfile.mkdtemp()) / 'out'\nresults.to_parquet(out)\nback = newsintel.load_results(out)\nassert len(back) == len(results)\nsorted(p.name for p in out.iterdir())"),
]


def build() -> nbf.NotebookNode:
    nb = nbf.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbf.v4.new_markdown_cell(src) if kind == "md" else nbf.v4.new_code_cell(src) for kind, src in CELLS]
    return nb


if __name__ == "__main__":
    path = ROOT / "notebooks" / "quickstart.ipynb"
    nbf.write(build(), path)
    print(path.relative_to(ROOT))
