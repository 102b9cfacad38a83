"""Hand-checked grading cases, one per rule: who speaks, state media on their own acts and
on adversaries, public records, missing corroboration, coreference, speculation.
Sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pytest

from sanctionwatch.assess import describe_document, grade_incident
from sanctionwatch.domain import (
    Assessment,
    Attribution,
    Claim,
    ClaimType,
    Document,
    Modality,
    RoleFiller,
    claim_id_for,
    make_span,
)


@dataclass(frozen=True)
class Said:
    """One claim: its sentence, who published it and who it cites."""

    text: str
    doc: str
    outlet: str | None
    type: str = "arms_transfer"
    sources: tuple[str, ...] = ("KP",)
    targets: tuple[str, ...] = ("RU",)
    cited: str | None = None
    cited_rule: str = ""
    """The extractor's rule for the citation ("attribution:reporter-question")."""
    modality: Modality = Modality.FACT
    coref: bool = False
    trigger: str = "sent"
    extra_rules: tuple[str, ...] = field(default=())
    before: str = ""
    """The document's text before the sentence (where people are first named in full)."""
    after: str = ""
    """The document's text after the sentence (an author's affiliation, a copyright)."""
    url: str | None = None

    @property
    def lead(self) -> str:
        """The text before the sentence; with coreference, the antecedent stands there."""
        return self.before or ("North Korea is named here first. " if self.coref else "")

    @property
    def document_text(self) -> str:
        return f"{self.lead}{self.text}{self.after}"


def build(said: Said) -> Claim:
    text = said.document_text
    o = len(said.lead)
    whole = make_span(text, o, o + len(said.text), document_id=said.doc)
    at = text.index(said.trigger, o)
    trigger = make_span(text, at, at + len(said.trigger), document_id=said.doc)
    # A role filled by coreference is grounded at its antecedent, before the sentence.
    actor = make_span(
        text, 0 if said.coref else o, (0 if said.coref else o) + 1, document_id=said.doc
    )
    attributions = ()
    if said.cited:
        # A question's "Q" stands before the sentence, at the paragraph's start.
        start = text.find(said.cited, o) if said.cited in text[o:] else text.index(said.cited)
        attributions = (
            Attribution(
                make_span(text, start, start + len(said.cited), document_id=said.doc),
                said.cited,
                None,
                said.cited_rule,
            ),
        )
    # As the extractor records it: the filler's rule is the gazetteer's, the role rule
    # (in claim.rules) says coreference.
    rules = ("t", *(("source:coref:document-topic",) if said.coref else ()), *said.extra_rules)
    return Claim(
        id=claim_id_for(said.doc, said.type, 0, len(text), "grade-battery"),
        document_id=said.doc,
        type=ClaimType(said.type),
        evidence=whole,
        trigger=trigger,
        sources=tuple(RoleFiller(actor, c, "gazetteer:name") for c in said.sources),
        targets=tuple(RoleFiller(actor, c, "gazetteer:name") for c in said.targets),
        modality=said.modality,
        attributions=attributions,
        rules=rules,
        extractor="test@1",
    )


def grade(claims: Sequence[Said]) -> Assessment:
    documents = {
        s.doc: describe_document(
            Document(id=s.doc, text=s.document_text, outlet=s.outlet, url=s.url)
        )
        for s in claims
    }
    support = [build(s) for s in claims if s.modality not in {Modality.DENIED, Modality.NEGATED}]
    against = [build(s) for s in claims if s.modality in {Modality.DENIED, Modality.NEGATED}]
    return grade_incident(support, against, documents=documents)


# The opening of a briefing transcript, so the host's turn and the reporter's are read.
_BRIEFING = "MR. ROE:  Good afternoon, everyone.\n\n"

CASES = [
    pytest.param(
        [
            Said(
                "A businessman, Park Jin-ho, said North Korea sent shells to Russia.",
                "d1",
                "Reuters",
                cited="Park Jin-ho",
            )
        ],
        "F",
        None,
        "carried by Reuters",
        id="quoted-person-graded-as-himself",
    ),
    pytest.param(
        [
            Said(
                "An official said North Korea sent shells to Russia.",
                "d1",
                "Reuters",
                cited="An official",
            )
        ],
        "D",
        None,
        "unnamed official",
        id="anonymous-official",
    ),
    pytest.param(
        [
            Said(
                "U.S. officials said North Korea sent shells to Russia.",
                "d1",
                "some blog",
                cited="U.S. officials",
            )
        ],
        "B",
        None,
        "named official",
        id="named-officials-in-a-blog",
    ),
    pytest.param(
        [
            Said(
                "Satellite imagery analysis shows North Korea sent shells to Russia.",
                "d1",
                "Reuters",
                cited="Satellite imagery analysis",
            )
        ],
        "C",
        None,
        "cited report",
        id="cited-imagery-analysis",
    ),
    pytest.param(
        [
            Said(
                "Minister Choe Son Hui met Sergei Lavrov in Pyongyang.",
                "d1",
                "Korean Central News Agency (KCNA)",
                type="meeting",
                sources=("KP", "RU"),
                targets=(),
                trigger="met",
            )
        ],
        "B",
        None,
        "authoritative",
        id="state-media-own-meeting",
    ),
    pytest.param(
        [
            Said(
                "The United States sent bombers to South Korea.",
                "d1",
                "Korean Central News Agency (KCNA)",
                sources=("US",),
                targets=("KR",),
            )
        ],
        "E",
        None,
        "adversaries of KP",
        id="state-media-on-adversary",
    ),
    pytest.param(
        [
            Said(
                "Xinhua reported that Kim Jong Un met Putin.",
                "d1",
                "Xinhua",
                type="meeting",
                sources=("KP", "RU"),
                targets=(),
                trigger="met",
            )
        ],
        "C",
        None,
        "Xinhua",
        id="state-media-uninvolved",
    ),
    pytest.param(
        [
            Said(
                "The Security Council adopted resolution 2397 on North Korea.",
                "d1",
                "some blog",
                type="sanctions_action",
                sources=("UN",),
                targets=("KP",),
                trigger="adopted",
            )
        ],
        "A",
        1,
        "public record",
        id="public-record-resolution",
    ),
    pytest.param(
        [
            Said(
                "The US Treasury designated three North Korean banks.",
                "d1",
                "some blog",
                type="sanctions_action",
                sources=("US",),
                targets=("KP",),
                trigger="designated",
            )
        ],
        "A",
        1,
        "public record",
        id="public-record-designation",
    ),
    pytest.param(
        [
            Said(
                "North Korea has been under UN sanctions since 2006.",
                "d1",
                "Reuters",
                type="sanctions_action",
                sources=("UN",),
                targets=("KP",),
                trigger="sanctions",
            )
        ],
        "A",
        1,
        "public record",
        id="public-record-background",
    ),
    pytest.param(
        [
            Said(
                "North Korea reportedly sent shells to Russia.",
                "d1",
                "Reuters",
                modality=Modality.UNCERTAIN,
            )
        ],
        "B",
        6,
        "not evidence against",
        id="missing-corroboration-cannot-be-judged",
    ),
    pytest.param(
        [Said("North Korea sent shells to Russia.", "d1", "Reuters")],
        "B",
        3,
        "one origin only",
        id="one-origin-possibly-true",
    ),
    pytest.param(
        [
            Said("North Korea sent shells to Russia.", "d1", "Reuters"),
            Said("North Korea sent shells to Russia last month.", "d2", "BBC News"),
        ],
        "B",
        1,
        "2 independent origins",
        id="two-origins-confirmed",
    ),
    pytest.param(
        [Said("It sent shells to Russia.", "d1", "Reuters", coref=True)],
        "B",
        6,
        "weak:",
        id="coreference-weakens",
    ),
    pytest.param(
        [
            Said("North Korea sent shells to Russia.", "d1", "Reuters"),
            Said("It sent shells to Russia.", "d2", "BBC News", coref=True),
        ],
        "B",
        2,
        "weak:",
        id="coreference-weakens-one-of-two",
    ),
    pytest.param(
        [
            Said(
                "Analysts say North Korea is likely to send missiles to Russia.",
                "d1",
                "Reuters",
                trigger="send",
            )
        ],
        "B",
        6,
        "speculation",
        id="speculation-no-likelihood",
    ),
    # Grader v8: a motive is speculation (no event, no likelihood).
    pytest.param(
        [
            Said(
                "North Korea has strong incentives to sell missiles to Iran.",
                "d1",
                "Reuters",
                targets=("IR",),
                trigger="sell",
            )
        ],
        "B",
        6,
        "speculation",
        id="motive-no-likelihood",
    ),
    # A sentence that asserts no transfer (the DPRK's own weapons given up) gets no
    # likelihood for the transfer.
    pytest.param(
        [
            Said(
                "Washington wants North Korea to give up its nuclear weapons.",
                "d1",
                "Reuters",
                trigger="give up",
            )
        ],
        "B",
        6,
        "the DPRK's own programme",
        id="own-programme-no-likelihood",
    ),
    pytest.param(
        [Said("Yonhap said North Korea sent shells to Russia.", "d1", None, cited="Yonhap")],
        "B",
        None,
        "Yonhap",
        id="lost-outlet-falls-back-to-named-source",
    ),
    pytest.param(
        [
            Said(
                "U.N. experts said North Korea exported coal to China.",
                "d1",
                "Daily Mail",
                type="trade",
                targets=("CN",),
                cited="U.N. experts",
                trigger="exported",
            )
        ],
        "A",
        3,
        "UN body",
        id="un-experts-speak-as-a-un-body",
    ),
    pytest.param(
        [
            Said(
                "North Korea offered missiles to armed groups, the panel said.",
                "d1",
                "Associated Press",
                targets=("YE",),
                cited="the panel",
                trigger="offered",
                modality=Modality.UNCERTAIN,
            )
        ],
        "C",
        6,
        "a cited report",
        id="the-panel-is-an-expert-body-not-anonymous",
    ),
    pytest.param(
        [
            Said(
                "As a UN member state noted, North Korea sent shells to Russia.",
                "d1",
                "RUSI",
                cited="UN member state",
            )
        ],
        "D",
        None,
        "a government the text does not name",
        id="unnamed-member-state-is-not-a-private-person",
    ),
    pytest.param(
        [
            Said(
                "The company was indicted in 2017 for helping North Korea evade sanctions.",
                "d1",
                "RUSI",
                type="sanctions_action",
                sources=("US",),
                targets=("CN",),
                trigger="indicted",
            )
        ],
        "A",
        1,
        "public record (the act 'indicted')",
        id="public-record-indictment-by-its-trigger",
    ),
    pytest.param(
        [
            Said(
                "The hands of the workers seized up in the cold.",
                "d1",
                "RUSI",
                type="sanctions_action",
                sources=("US",),
                trigger="seized",
            )
        ],
        "C",
        3,
        "stated as fact by one origin only",
        id="not-every-sanctions-trigger-is-a-record",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia, as the Ukrainian governments confirmed.",
                "d1",
                "RUSI",
                cited="Ukrainian governments",
            )
        ],
        "B",
        3,
        "a named official or government body",
        id="governments-plural-are-government-bodies",
    ),
    pytest.param(
        [Said("North Korea sent shells to Russia.", "d1", None)],
        "F",
        None,
        "names no source",
        id="lost-outlet-no-source",
    ),
    # ---- a lost outlet field: the outlet the document itself names (issue 17, third audit)
    pytest.param(
        [Said("North Korea sent shells to Russia.", "d1", None, url="https://www.reuters.com/x")],
        "B",
        None,
        "web domain of https://www.reuters.com/x",
        id="lost-outlet-url-host",
    ),
    pytest.param(
        [Said("North Korea sent shells to Russia.", "d1", None, before="SEOUL, May 3 (AP) — ")],
        "B",
        None,
        "the dateline's credit names 'AP'",
        id="lost-outlet-dateline-credit",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia.",
                "d1",
                None,
                before="Pyongyang, May 3 (KCNA) -- ",
                sources=("KP",),
            )
        ],
        "B",
        None,
        "state media on its own government's acts",
        id="lost-outlet-kcna-credit-own-acts",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia.",
                "d1",
                None,
                before="Shells and alliances\nBy Jane Roe, The Korea Herald\n",
            )
        ],
        "B",
        None,
        "the byline names 'The Korea Herald'",
        id="lost-outlet-byline-outlet",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia.",
                "d1",
                None,
                before="HAN Mi Rae\nThe alliance has deepened.\n",
                after="\nIt will not last.\nProfessor of Political Science, Hanbit University",
            )
        ],
        "C",
        None,
        "the author is named by a name above the text with an affiliation below it",
        id="lost-outlet-columnist-with-affiliation",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia.",
                "d1",
                None,
                before="SEOUL\nThe alliance has deepened.\n",
            )
        ],
        "F",
        None,
        "its dateline gives only a place (SEOUL)",
        id="lost-outlet-bare-dateline-stays-unjudged",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia, KCNA said.",
                "d1",
                None,
                before="Shells\nThe alliance has deepened.\nIt began last year.\n"
                "Officials met twice.\nThey spoke at length.\nNothing was signed.\n",
                cited="KCNA",
            )
        ],
        "B",
        None,
        "KCNA speaks",
        id="cited-kcna-is-a-source-not-the-publisher",
    ),
    # ---- a surname is the person the text named in full before --------------------------
    pytest.param(
        [
            Said(
                "Park said North Korea sent shells to Russia.",
                "d1",
                "Reuters",
                cited="Park",
                before="South Korean President Park Geun-hye spoke on Monday. ",
            )
        ],
        "B",
        None,
        "'South Korean President Park Geun-hye', as the text names them",
        id="surname-of-a-president",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia, Lim said.",
                "d1",
                "Reuters",
                cited="Lim",
                before="The trade is growing, said Lim Mi-ra, a senior analyst at the "
                "Hanbit Institute for Security. ",
            )
        ],
        "C",
        None,
        "a named expert or academic",
        id="surname-of-an-analyst",
    ),
    pytest.param(
        [
            Said(
                "Civilian experts say North Korea sent shells to Russia.",
                "d1",
                "Reuters",
                cited="Civilian experts",
            )
        ],
        "C",
        None,
        "a cited report, study or imagery analysis",
        id="a-group-of-experts-is-research-not-a-named-expert",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia, Kemal said.",
                "d1",
                "Reuters",
                cited="Kemal",
                before="Ozan Kemal, one of the businessmen behind the shipping firm, spoke. ",
            )
        ],
        "F",
        None,
        "a named private person",
        id="surname-of-a-businessman-stays-private",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia, Choi said.",
                "d1",
                "Reuters",
                cited="Choi",
                before="Defense Minister Choi Dae-ho spoke first. Choi Min-ji, a shop owner "
                "in Seoul, was asked next. ",
            )
        ],
        "F",
        None,
        "'Choi Min-ji, a shop owner in Seoul'",
        id="surname-two-people-the-latest-named",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia, Yoon said.",
                "d1",
                "Reuters",
                cited="Yoon",
                after=" Later, President Yoon Hae-sol spoke.",
            )
        ],
        "F",
        None,
        "'Yoon' speaks",
        id="surname-not-resolved-forward",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia, said Ivan Petrov, Russia's deputy "
                "foreign minister.",
                "d1",
                "Reuters",
                cited="Ivan Petrov",
            )
        ],
        "B",
        None,
        "a named official",
        id="full-name-with-appositive-role",
    ),
    # ---- conditionals and hypotheticals get no likelihood -------------------------------
    pytest.param(
        [
            Said(
                "Seoul would respond if Russia supplies fighter jets to North Korea.",
                "d1",
                "Reuters",
                trigger="supplies",
                sources=("RU",),
                targets=("KP",),
            )
        ],
        "B",
        6,
        "a conditional ('if')",
        id="conditional-if-no-likelihood",
    ),
    pytest.param(
        [
            Said(
                "And once these soldiers are deployed, who would command them?",
                "d1",
                "The White House",
                type="troop_deployment",
                trigger="soldiers are deployed",
            )
        ],
        "B",
        6,
        "no likelihood is stated: speculation is not an event",
        id="conditional-once-reporters-hypothetical",
    ),
    pytest.param(
        [
            Said(
                "If sanctions are eased, it will be easier for North Korea to sell shells "
                "to Russia.",
                "d1",
                "Reuters",
                trigger="sell",
            )
        ],
        "B",
        6,
        "the consequence of a condition",
        id="conditional-consequence-no-likelihood",
    ),
    pytest.param(
        [
            Said(
                "Once the shells arrived in Russia, they were fired at once.",
                "d1",
                "Reuters",
                trigger="arrived",
            )
        ],
        "B",
        3,
        "likely (",
        id="once-with-a-past-tense-stays-an-event",
    ),
    pytest.param(
        [
            Said("North Korea sent shells to Russia.", "d1", "Reuters"),
            Said(
                "If North Korea sends shells to Russia, Seoul would respond.",
                "d2",
                "BBC News",
                trigger="sends",
            ),
        ],
        "B",
        3,
        "stated as fact by one origin only",
        id="conditional-does-not-corroborate-a-fact",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia last week.",
                "d1",
                "The White House",
                before=_BRIEFING + "Q   Thanks. ",
                after=" Your reaction?\n\nMR. ROE:  We have seen the reports.\n",
            )
        ],
        "F",
        6,
        "a reporter's question ('Q') in a transcript published by The White House",
        id="briefing-question-is-the-reporters-premise",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia last week.",
                "d1",
                "The White House",
                before=_BRIEFING + "QUESTION:  Thank you. A follow-up on the trip\nto Moscow. ",
                after="\n\nSECRETARY DOE:  I will not comment.\n",
            )
        ],
        "F",
        6,
        "nothing supporting it asserts an event",
        id="briefing-question-on-a-wrapped-line-no-likelihood",
    ),
    pytest.param(
        [
            Said(
                "Minister Kim said North Korea sent shells to Russia.",
                "d1",
                "The White House",
                cited="Minister Kim",
                before=_BRIEFING + "Q   ",
                after=" Do you agree?\n\nMR. ROE:  No comment.\n",
            )
        ],
        "F",
        6,
        "the reporter relays 'Minister Kim'",
        id="briefing-question-citing-an-official-is-still-the-reporters",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia in May.",
                "d1",
                "The White House",
                before=_BRIEFING + "Q   What do you know about the shells?\n\nMR. ROE:  Well,\n"
                "the facts are clear.\n\n",
            )
        ],
        "B",
        3,
        "'MR. ROE' answers at the podium: The White House's own statement",
        id="briefing-answer-over-paragraphs-is-the-hosts",
    ),
    # Grader v8: the podium's label read as a citation ("ROE" from "MR. ROE:") is the host
    # speaking, not a private person of that name.
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia in May.",
                "d1",
                "The White House",
                before=_BRIEFING + "Q   What about the shells?\n\nMR. ROE:  ",
                cited="ROE",
            )
        ],
        "B",
        3,
        "'MR. ROE' answers at the podium: The White House's own statement",
        id="briefing-podium-label-cited-is-the-host",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia in May.",
                "d1",
                "The White House",
                before=_BRIEFING + "Q   ",
                after=" Is that right?\n\nMR. ROE:  Yes.\n",
            ),
            Said("North Korea sent shells to Russia.", "d2", "Reuters"),
        ],
        "B",
        3,
        "stated as fact by one origin only (Reuters)",
        id="briefing-question-does-not-corroborate",
    ),
    pytest.param(
        [
            Said(
                "The Treasury designated two Russian firms for buying North Korean shells.",
                "d1",
                "The White House",
                type="sanctions_action",
                sources=("US",),
                targets=("RU",),
                trigger="designated",
                before=_BRIEFING + "Q   ",
                after=" Will there be more?\n\nMR. ROE:  Stay tuned.\n",
            )
        ],
        "F",
        6,
        "a reporter's question ('Q')",
        id="briefing-question-citing-a-designation-is-no-public-record",
    ),
    pytest.param(
        [
            Said(
                "North Korea sent shells to Russia.",
                "d1",
                "The White House",
                cited="Q",
                cited_rule="attribution:reporter-question",
                before="Q   ",
                after=" Your reaction?",
            )
        ],
        "F",
        6,
        "a reporter's question ('Q')",
        id="question-cue-without-turns-is-the-reporters",
    ),
    pytest.param(
        [
            Said("North Korea sent shells to Russia.", "d1", "Reuters"),
            Said("North Korea sent shells to Russia in May.", "d2", "BBC News"),
            Said(
                "Pyongyang denied it sent shells to Russia.",
                "d3",
                "Korean Central News Agency (KCNA)",
                modality=Modality.DENIED,
            ),
        ],
        "B",
        2,
        "denied by an involved party",
        id="denial-caps-at-two",
    ),
    # Only events contradict (fourth audit, #15): a stance ("unwilling to impose") or a
    # forecast negated says nothing about whether the designation happened.
    pytest.param(
        [
            Said(
                "The US Treasury designated ten North Korean procurement agents in 2018.",
                "d1",
                "RUSI",
                type="sanctions_action",
                sources=("US",),
                targets=("KP",),
                trigger="designated",
            ),
            Said(
                "China and Russia remain unwilling to impose sanctions on North Korea.",
                "d2",
                "CSIS",
                type="sanctions_action",
                sources=("CN", "RU"),
                targets=("KP",),
                trigger="impose",
                modality=Modality.NEGATED,
            ),
        ],
        "A",
        1,
        "only a report that the event did not happen contradicts it",
        id="stance-does-not-contradict-a-record",
    ),
    pytest.param(
        [
            Said("North Korea sent shells to Russia in May.", "d1", "Reuters"),
            Said(
                "Russia is unlikely to send shells back to North Korea.",
                "d2",
                "BBC News",
                trigger="send",
                modality=Modality.NEGATED,
            ),
        ],
        "B",
        3,
        "not counted against it",
        id="negated-forecast-does-not-contradict",
    ),
    pytest.param(
        [
            Said(
                "Russia did not receive any shells from North Korea in May.",
                "d2",
                "BBC News",
                trigger="receive",
                modality=Modality.NEGATED,
            ),
            Said("North Korea sent shells to Russia in May.", "d1", "Reuters"),
        ],
        "B",
        4,
        "say it did not happen",
        id="negated-event-still-contradicts",
    ),
    # "The experts said" after "U.N. experts say": the UN panel speaks (fourth audit, #4).
    pytest.param(
        [
            Said(
                "The experts said North Korea sent shells to Sudan.",
                "d1",
                "Associated Press",
                targets=("SD",),
                cited="The experts",
                before="U.N. experts say they are investigating violations in 20 countries. ",
            )
        ],
        "A",
        None,
        "the body the text named before",
        id="the-experts-are-the-un-panel-named-before",
    ),
    pytest.param(
        [
            Said(
                "The experts said North Korea sent shells to Sudan.",
                "d1",
                "Associated Press",
                targets=("SD",),
                cited="The experts",
                before="U.N. experts say so. CSIS experts reviewed the imagery. ",
            )
        ],
        "C",
        None,
        "CSIS experts",
        id="the-experts-are-the-latest-group-named",
    ),
    pytest.param(
        [
            Said(
                "The experts said North Korea sent shells to Sudan.",
                "d1",
                "Associated Press",
                targets=("SD",),
                cited="The experts",
            )
        ],
        "C",
        None,
        "cited report",
        id="the-experts-with-no-body-named-stay-a-report",
    ),
]


@pytest.mark.parametrize(("claims", "letter", "credibility", "reason"), CASES)
def test_grade_battery_case(
    claims: list[Said], letter: str, credibility: int | None, reason: str
) -> None:
    assessment = grade(claims)
    assert assessment.reliability == letter, assessment.reasons
    if credibility is not None:
        assert assessment.credibility == credibility, assessment.reasons
    text = " ".join([*assessment.reasons, assessment.likelihood_reason])
    assert reason in text, assessment.reasons
    if assessment.credibility == 6:
        assert assessment.likelihood == ""
