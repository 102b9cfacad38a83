"""An incident's claims fed to the mapper: guards against what extraction and clustering
got wrong that the law can see (sentences written for these tests)."""

from __future__ import annotations

from sanctionwatch.domain import (
    Claim,
    ClaimType,
    Modality,
    RoleFiller,
    Span,
    claim_id_for,
    make_span,
)
from sanctionwatch.law import map_claim_group
from sanctionwatch.law.flows import law_item

DOC = "doc-claims"


def said(
    text: str,
    claim_type: str,
    sources: tuple[str, ...],
    targets: tuple[str, ...],
    *,
    item: str | None,
    trigger: str,
    coref: tuple[str, ...] = (),
) -> Claim:
    def span(fragment: str) -> Span:
        start = text.index(fragment)
        return make_span(text, start, start + len(fragment), document_id=DOC)

    actor = make_span(text, 0, 1, document_id=DOC)
    return Claim(
        id=claim_id_for(DOC, claim_type, 0, len(text), text),
        document_id=DOC,
        type=ClaimType(claim_type),
        evidence=make_span(text, 0, len(text), document_id=DOC),
        trigger=span(trigger),
        sources=tuple(RoleFiller(actor, c, "test") for c in sources),
        targets=tuple(RoleFiller(actor, c, "test") for c in targets),
        item=RoleFiller(span(item), item, "test") if item else None,
        modality=Modality.FACT,
        rules=tuple(f"{side}:coref:document-topic" for side in coref),
        extractor="test@1",
    )


def test_claims_item_of_a_claim_pointing_elsewhere_is_not_the_incidents() -> None:
    textiles = said(
        "North Korea exported textiles to Russia in 2021.",
        "trade",
        ("KP",),
        ("RU",),
        item="textiles",
        trigger="exported",
    )
    electronics = said(
        "Russia sold electronics to China in 2022.",
        "trade",
        ("RU",),
        ("CN",),
        item="electronics",
        trigger="sold",
    )
    matches = map_claim_group(
        "trade", ["KP"], ["RU"], [textiles, electronics], time_start="2021", time_end="2022"
    )
    violations = {m.provision_id: m for m in matches if m.kind == "violation"}
    assert "UNSCR-2375-UNVERIFIED-textiles" in violations
    # Russia's electronics to China do not make a DPRK machinery export.
    assert "UNSCR-2397-OP6" not in violations
    assert not any("electronics" in r for m in matches for r in m.reasons)


def test_claims_coref_role_named_by_another_claim_is_named() -> None:
    weak = said(
        "The ships carried coal to China in 2019.",
        "trade",
        ("KP",),
        ("CN",),
        item="coal",
        trigger="carried",
        coref=("source",),
    )
    named = said(
        "North Korea exported coal to China in 2019.",
        "trade",
        ("KP",),
        ("CN",),
        item="coal",
        trigger="exported",
    )
    alone = map_claim_group("trade", ["KP"], ["CN"], [weak], time_start="2019", time_end="2019")
    both = map_claim_group(
        "trade", ["KP"], ["CN"], [weak, named], time_start="2019", time_end="2019"
    )
    assert {m.provision_id: m.kind for m in alone}["UNSCR-2371-OP8"] == "context"
    assert {m.provision_id: m.kind for m in both}["UNSCR-2371-OP8"] == "violation"
    reason = next(m for m in alone if m.provision_id == "UNSCR-2371-OP8").reasons[0]
    assert "only through coreference" in reason


def test_claims_a_sum_of_money_is_not_read_through_its_trigger() -> None:
    claim = said(
        "Exchanges froze accounts holding $1.4 million of the stolen funds.",
        "financial_flow",
        (),
        ("KP",),
        item="$1.4 million",
        trigger="froze accounts holding $1.4 million",
    )
    assert law_item(claim) == ("$1.4 million", ())


def test_claims_a_generic_item_is_read_through_its_trigger_and_says_so() -> None:
    claim = said(
        "Agents sought the procurement of missile components abroad.",
        "tech_transfer",
        (),
        ("KP",),
        item="components",
        trigger="procurement of missile components",
    )
    item, notes = law_item(claim)
    assert item == "procurement of missile components"
    assert "names no category" in notes[0]


def test_claims_party_named_in_the_other_role_is_named() -> None:
    # Fourth audit, #8: a sentence names the DPRK as a claim's payee; the incident's roles
    # put the DPRK on the payer side, where another claim filled it by coreference. A party
    # condition reads the flow either way, so the DPRK is named.
    named = said(
        "North Korean actors laundered more than $1 billion through Tornado Cash in 2022.",
        "financial_flow",
        (),
        ("KP",),
        item="$1 billion",
        trigger="laundered",
    )
    by_topic = said(
        "The workers bring in millions of dollars per year.",
        "financial_flow",
        ("KP",),
        ("CN",),
        item="millions of dollars",
        trigger="bring in",
        coref=("source",),
    )
    matches = map_claim_group(
        "financial_flow",
        ("KP",),
        ("CN",),
        [named, by_topic],
        time_start="2022",
        time_end="2022",
    )
    kinds = {m.provision_id: m.kind for m in matches}
    assert kinds.get("UNSCR-2094-OP11") == "violation", matches


def test_claims_party_named_by_no_sentence_stays_context() -> None:
    by_topic = said(
        "The workers bring in millions of dollars per year.",
        "financial_flow",
        ("KP",),
        ("CN",),
        item="millions of dollars",
        trigger="bring in",
        coref=("source",),
    )
    matches = map_claim_group(
        "financial_flow", ("KP",), ("CN",), [by_topic], time_start="2022", time_end="2022"
    )
    assert {m.kind for m in matches if m.provision_id == "UNSCR-2094-OP11"} == {"context"}
