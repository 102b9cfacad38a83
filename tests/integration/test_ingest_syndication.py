"""One story republished by several outlets is one syndication cluster; a different
story on the same topic is not in it. The stories were written for this test."""

from __future__ import annotations

from pathlib import Path

from sanctionwatch import store as st
from sanctionwatch.services import ingest_sources

ORIGINAL = [
    "North Korea has begun sending a new batch of short-range ballistic missiles to Russia, "
    "according to two officials in Seoul who spoke on condition of anonymity on Thursday.",
    "The officials said at least a dozen launchers and several dozen missiles were loaded onto "
    "a cargo ship at the port of Rajin in late October and unloaded at Dunai, a military port "
    "south of Vladivostok, four days later.",
    "Satellite images taken by a commercial provider show rows of covered vehicles on the quay "
    "at Dunai and a ship of the same size as the one tracked leaving Rajin.",
    "Russia has used missiles of this type against cities in eastern Ukraine since the winter, "
    "Ukrainian prosecutors have said, pointing to fragments with Korean markings.",
    "A spokesman for the Russian foreign ministry said on Friday that Moscow did not comment "
    "on what he called unfounded rumours and that its cooperation with Pyongyang broke no "
    "international obligation.",
    "Analysts say the shipments give Pyongyang a chance to test its missiles in combat and to "
    "earn hard currency, food and possibly help with its satellite programme.",
    "The United Nations Security Council banned all arms trade with North Korea in 2006, a "
    "measure Russia voted for at the time.",
    "South Korea's defence ministry said it was monitoring the situation closely with its "
    "allies and would respond to any threat.",
]

DIFFERENT_STORY_SAME_TOPIC = [
    "Russia's defence minister arrived in Pyongyang on Tuesday for talks with North Korean "
    "leader Kim Jong Un, the second such visit this year, state media reported.",
    "The two sides discussed what the Korean Central News Agency called strategic cooperation, "
    "and the minister toured an exhibition of missiles and drones.",
    "Officials in Seoul and Washington have accused North Korea of supplying Russia with "
    "ballistic missiles, a charge both governments deny.",
    "Analysts said the visit suggested Moscow wanted to secure further deliveries of "
    "munitions as the war in Ukraine drags on, and that Pyongyang expects technology in return.",
    "The United Nations Security Council has banned arms trade with North Korea since 2006.",
]


def _page(title: str, outlet: str, paragraphs: list[str], extra_head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title><meta property='og:site_name' content='{outlet}'>"
        f"{extra_head}</head><body><nav>News World Opinion</nav><article><h1>{title}</h1>"
        f"{body}</article><footer>© {outlet}</footer></body></html>"
    )


def _write_variants(folder: Path) -> dict[str, str]:
    folder.mkdir()
    boilerplate = [
        "Sign up for our morning briefing to get the day's top stories in your inbox.",
        "This article was first published by a partner news agency and is republished with permission.",
    ]
    pages = {
        "wire.html": _page("North Korea ships new missiles to Russia", "Wire Service", ORIGINAL),
        # Changed headline, boilerplate at both ends.
        "daily.html": _page(
            "Pyongyang sends Moscow a dozen missile launchers, officials say",
            "The Daily Courier",
            [boilerplate[1], *ORIGINAL, boilerplate[0]],
        ),
        # A paragraph trimmed, another lightly edited, different headline.
        "herald.html": _page(
            "Missiles by sea: North Korea's latest delivery",
            "Harbour Herald",
            [
                ORIGINAL[0].replace("on Thursday", "this week"),
                *ORIGINAL[1:5],
                *ORIGINAL[6:],
            ],
        ),
        # Only the first five paragraphs: a trimmed copy.
        "brief.html": _page("N. Korea missiles to Russia", "Morning Brief", ORIGINAL[:6]),
        "other.html": _page(
            "Russian defence minister in Pyongyang", "Wire Service", DIFFERENT_STORY_SAME_TOPIC
        ),
    }
    for name, markup in pages.items():
        (folder / name).write_text(markup, encoding="utf-8")
    # An exact copy under another name: stored once.
    (folder / "zz-wire-copy.html").write_text(pages["wire.html"], encoding="utf-8")
    return pages


def test_ingest_syndication_groups_republished_copies(store: st.Store, tmp_path: Path) -> None:
    folder = tmp_path / "outlets"
    _write_variants(folder)

    summary = ingest_sources(store, [folder], extract=False)

    assert (summary.ingested, summary.duplicates) == (5, 1)
    assert summary.syndicated == 3
    clusters = {
        Path(doc.source_ref or "").name: doc.syndication_cluster for doc in st.list_documents(store)
    }
    story = {clusters[name] for name in ("wire.html", "daily.html", "herald.html", "brief.html")}
    assert len(story) == 1 and None not in story
    assert clusters["other.html"] not in story
    (cluster,) = story
    assert len(st.cluster_members(store, cluster)) == 4


def test_ingest_syndication_cluster_reaches_grading(store: st.Store, tmp_path: Path) -> None:
    folder = tmp_path / "outlets"
    _write_variants(folder)

    ingest_sources(store, [folder])

    docs = [st.get_document(store, doc_id) for doc_id in st.document_ids(store)]
    assert all(doc.syndication_cluster for doc in docs)
    # Re-running changes nothing: every input is already done.
    before = st.stats(store)
    again = ingest_sources(store, [folder])
    assert again.ingested == 0 and again.skipped_inputs == 6
    assert st.stats(store) == before
