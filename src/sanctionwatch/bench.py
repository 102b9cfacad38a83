"""Throughput benchmark: ``python -m sanctionwatch.bench CORPUS.jsonl``.

Prints words per second of ``extract_claims`` beside a bare spaCy tokenizer and beside
spaCy's full ``en_core_web_sm`` pipeline (tagger, parser, lemmatizer, NER) over the same
text in the same run, so the ratios hold on a noisy shared machine (the extractor parses
only the sentences that need it, and must stay several times faster than parsing all), and documents
per second for the whole ingest use case into a fresh SQLite file: once without
extraction (parse, language, dedup, syndication clusters, store) and once with it
(plus extraction and incidents). Not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path


def _texts(path: Path) -> list[tuple[str, str | None]]:
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            rows.append((record["text"], record.get("published")))
    return rows


def run(path: Path, *, repeats: int = 3) -> dict[str, float]:
    from sanctionwatch.domain import normalise_text
    from sanctionwatch.extract import extract_claims
    from sanctionwatch.extract.sentences import _nlp

    docs = [(normalise_text(text), published) for text, published in _texts(path)]
    words = sum(len(text.split()) for text, _ in docs)
    tokenizer = _nlp().tokenizer
    extract_claims(docs[0][0], published=docs[0][1])  # warm caches: lexicon, gazetteer, spaCy

    best_tok = best_ext = float("inf")
    claims = 0
    for _ in range(repeats):
        start = time.perf_counter()
        for text, _ in docs:
            tokenizer(text)
        best_tok = min(best_tok, time.perf_counter() - start)
        start = time.perf_counter()
        claims = sum(len(extract_claims(text, published=published)) for text, published in docs)
        best_ext = min(best_ext, time.perf_counter() - start)
    import importlib

    from sanctionwatch.extract.grammar import PARSER_PACKAGE

    full = importlib.import_module(PARSER_PACKAGE).load()
    start = time.perf_counter()
    for _ in full.pipe((text for text, _ in docs), batch_size=32):
        pass
    full_seconds = time.perf_counter() - start
    return {
        "documents": len(docs),
        "words": words,
        "claims": claims,
        "full_pipeline_words_per_second": words / full_seconds,
        "extract_to_full_pipeline_ratio": full_seconds / best_ext,
        "tokenizer_words_per_second": words / best_tok,
        "extract_words_per_second": words / best_ext,
        "extract_documents_per_second": len(docs) / best_ext,
        "extract_to_tokenizer_ratio": best_tok / best_ext,
    }


def run_ingest(path: Path) -> dict[str, float]:
    """Documents per second of ``ingest_sources`` on ``path``, without and with extraction."""
    from sanctionwatch import store as st
    from sanctionwatch.ingest import detect_language
    from sanctionwatch.ingest.syndication import signature_of
    from sanctionwatch.services import ingest_sources

    detect_language("Warm the language model up once before timing anything at all.")
    signature_of("warm up the minhash permutations")
    result: dict[str, float] = {}
    for label, extract in (("ingest", False), ("ingest_extract", True)):
        with (
            tempfile.TemporaryDirectory() as folder,
            st.open_store(f"sqlite:///{Path(folder) / 'bench.db'}") as store,
        ):
            start = time.perf_counter()
            summary = ingest_sources(store, [path], extract=extract)
            elapsed = time.perf_counter() - start
        result[f"{label}_documents"] = summary.ingested
        result[f"{label}_seconds"] = elapsed
        result[f"{label}_documents_per_second"] = summary.ingested / elapsed
    return result


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    if not args:
        sys.stderr.write("usage: python -m sanctionwatch.bench CORPUS.jsonl\n")
        raise SystemExit(2)
    result = run(Path(args[0]))
    print(f"documents                 {result['documents']:.0f}")
    print(f"words                     {result['words']:.0f}")
    print(f"claims                    {result['claims']:.0f}")
    print(f"bare spaCy tokenizer      {result['tokenizer_words_per_second']:,.0f} words/s")
    print(
        f"extract_claims (1 core)   {result['extract_words_per_second']:,.0f} words/s"
        f"  ({result['extract_documents_per_second']:.1f} documents/s)"
    )
    print(f"extract / tokenizer       {result['extract_to_tokenizer_ratio']:.2f}")
    print(f"spaCy full pipeline       {result['full_pipeline_words_per_second']:,.0f} words/s")
    print(
        f"extract / full pipeline   {result['extract_to_full_pipeline_ratio']:.2f}x "
        "(faster than parsing everything)"
    )
    ingest = run_ingest(Path(args[0]))
    print(
        f"ingest, no extraction     {ingest['ingest_documents_per_second']:,.1f} documents/s"
        f"  ({ingest['ingest_documents']:.0f} in {ingest['ingest_seconds']:.1f} s: parse, "
        "language, dedup, syndication, store)"
    )
    print(
        f"ingest with extraction    {ingest['ingest_extract_documents_per_second']:,.1f} "
        f"documents/s  ({ingest['ingest_extract_documents']:.0f} in "
        f"{ingest['ingest_extract_seconds']:.1f} s: the above, claims and incidents)"
    )


if __name__ == "__main__":
    main()
