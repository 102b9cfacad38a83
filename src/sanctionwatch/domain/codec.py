"""JSON-friendly dicts for the domain objects, and back.

Claim and incident dicts are the public JSON contract of the CLI and the API, so keys are
chosen for readers (``source``, ``target``, ``attributed_to``) rather than mirroring field
names. Every ``*_from_dict(*_to_dict(x)) == x``; derived keys (``word_count``, a grade's
``code``) are written for readers and ignored on the way back.

Spans inside a claim omit their ``document_id`` when it is the claim's own, which is the
normal case; a span pointing elsewhere keeps the key so nothing is lost.

Malformed input raises ``ValueError`` naming the object that failed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from sanctionwatch.domain.claim import (
    Attribution,
    Claim,
    ClaimType,
    Modality,
    Quantity,
    RoleFiller,
    TimeValue,
)
from sanctionwatch.domain.document import Document
from sanctionwatch.domain.incident import (
    Assessment,
    Conduit,
    Contradiction,
    Estimate,
    Figure,
    Incident,
    Origin,
)
from sanctionwatch.domain.provision import Provision, ProvisionMatch
from sanctionwatch.domain.span import Span

JsonDict = dict[str, Any]
_T = TypeVar("_T")
_P = ParamSpec("_P")


def _decoder(kind: str) -> Callable[[Callable[_P, _T]], Callable[_P, _T]]:
    """Turn the assorted errors of a bad dict into one ValueError that says what failed."""

    def wrap(func: Callable[_P, _T]) -> Callable[_P, _T]:
        @wraps(func)
        def decode(*args: _P.args, **kwargs: _P.kwargs) -> _T:
            try:
                return func(*args, **kwargs)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                if isinstance(exc, ValueError) and str(exc).startswith("malformed "):
                    raise
                raise ValueError(f"malformed {kind} dict: {exc!r}") from exc

        return decode

    return wrap


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)


# --- spans -----------------------------------------------------------------------------


def span_to_dict(span: Span, *, document_id: str | None = None) -> JsonDict:
    """``document_id`` is the context the span sits in; the key is written only if it differs."""
    out: JsonDict = {"start": span.start, "end": span.end, "text": span.text}
    if span.document_id != (document_id or ""):
        out["document_id"] = span.document_id
    return out


@_decoder("span")
def span_from_dict(data: Mapping[str, Any], *, document_id: str | None = None) -> Span:
    return Span(
        start=int(data["start"]),
        end=int(data["end"]),
        text=str(data["text"]),
        document_id=str(data.get("document_id", document_id or "")),
    )


def _opt_span_to_dict(span: Span | None, document_id: str) -> JsonDict | None:
    return None if span is None else span_to_dict(span, document_id=document_id)


def _opt_span_from_dict(data: Mapping[str, Any] | None, document_id: str) -> Span | None:
    return None if data is None else span_from_dict(data, document_id=document_id)


# --- claims ----------------------------------------------------------------------------


def _role_to_dict(role: RoleFiller, doc_id: str) -> JsonDict:
    return {
        "value": role.value,
        "span": span_to_dict(role.span, document_id=doc_id),
        "rule": role.rule,
    }


def _role_from_dict(data: Mapping[str, Any], doc_id: str) -> RoleFiller:
    return RoleFiller(
        span=span_from_dict(data["span"], document_id=doc_id),
        value=str(data["value"]),
        rule=str(data.get("rule", "")),
    )


def _quantity_to_dict(quantity: Quantity, doc_id: str) -> JsonDict:
    return {
        "low": quantity.low,
        "high": quantity.high,
        "unit": quantity.unit,
        "kind": quantity.kind,
        "rate": quantity.rate,
        "span": span_to_dict(quantity.span, document_id=doc_id),
        "rule": quantity.rule,
    }


def _quantity_from_dict(data: Mapping[str, Any], doc_id: str) -> Quantity:
    return Quantity(
        span=span_from_dict(data["span"], document_id=doc_id),
        low=_opt_float(data.get("low")),
        high=_opt_float(data.get("high")),
        unit=_opt_str(data.get("unit")),
        kind=str(data.get("kind", "count")),
        rate=_opt_str(data.get("rate")),
        rule=str(data.get("rule", "")),
    )


def _time_to_dict(time: TimeValue, doc_id: str) -> JsonDict:
    return {
        "start": time.start,
        "end": time.end,
        "grain": time.grain,
        "span": span_to_dict(time.span, document_id=doc_id),
        "rule": time.rule,
    }


def _time_from_dict(data: Mapping[str, Any], doc_id: str) -> TimeValue:
    return TimeValue(
        span=span_from_dict(data["span"], document_id=doc_id),
        start=_opt_str(data.get("start")),
        end=_opt_str(data.get("end")),
        grain=str(data["grain"]),
        rule=str(data.get("rule", "")),
    )


def _attribution_to_dict(attribution: Attribution, doc_id: str) -> JsonDict:
    return {
        "name": attribution.name,
        "span": span_to_dict(attribution.span, document_id=doc_id),
        "cue": _opt_span_to_dict(attribution.cue, doc_id),
        "rule": attribution.rule,
    }


def _attribution_from_dict(data: Mapping[str, Any], doc_id: str) -> Attribution:
    return Attribution(
        span=span_from_dict(data["span"], document_id=doc_id),
        name=str(data["name"]),
        cue=_opt_span_from_dict(data.get("cue"), doc_id),
        rule=str(data.get("rule", "")),
    )


def claim_to_dict(claim: Claim) -> JsonDict:
    doc_id = claim.document_id
    return {
        "id": claim.id,
        "document_id": doc_id,
        "type": claim.type.value,
        "evidence": span_to_dict(claim.evidence, document_id=doc_id),
        "trigger": span_to_dict(claim.trigger, document_id=doc_id),
        "source": [_role_to_dict(r, doc_id) for r in claim.sources],
        "target": [_role_to_dict(r, doc_id) for r in claim.targets],
        "item": None if claim.item is None else _role_to_dict(claim.item, doc_id),
        "quantity": None if claim.quantity is None else _quantity_to_dict(claim.quantity, doc_id),
        "time": None if claim.time is None else _time_to_dict(claim.time, doc_id),
        "modality": claim.modality.value,
        "modality_cue": _opt_span_to_dict(claim.modality_cue, doc_id),
        "attributed_to": [_attribution_to_dict(a, doc_id) for a in claim.attributions],
        "extractor": claim.extractor,
        "rules": list(claim.rules),
    }


@_decoder("claim")
def claim_from_dict(data: Mapping[str, Any]) -> Claim:
    doc_id = str(data["document_id"])
    item, quantity, time = data.get("item"), data.get("quantity"), data.get("time")
    return Claim(
        id=str(data["id"]),
        document_id=doc_id,
        type=ClaimType(data["type"]),
        evidence=span_from_dict(data["evidence"], document_id=doc_id),
        trigger=span_from_dict(data["trigger"], document_id=doc_id),
        sources=tuple(_role_from_dict(r, doc_id) for r in data.get("source", ())),
        targets=tuple(_role_from_dict(r, doc_id) for r in data.get("target", ())),
        item=None if item is None else _role_from_dict(item, doc_id),
        quantity=None if quantity is None else _quantity_from_dict(quantity, doc_id),
        time=None if time is None else _time_from_dict(time, doc_id),
        modality=Modality(data.get("modality", Modality.FACT.value)),
        modality_cue=_opt_span_from_dict(data.get("modality_cue"), doc_id),
        attributions=tuple(
            _attribution_from_dict(a, doc_id) for a in data.get("attributed_to", ())
        ),
        extractor=str(data.get("extractor", "")),
        rules=tuple(str(r) for r in data.get("rules", ())),
    )


# --- provisions, assessments, incidents --------------------------------------------------


def provision_match_to_dict(match: ProvisionMatch) -> JsonDict:
    return {
        "provision_id": match.provision_id,
        "kind": match.kind,
        "status": match.status,
        "reasons": list(match.reasons),
        "warnings": list(match.warnings),
        "rule": match.rule,
        "modality": match.modality,
        "in_force": match.in_force,
    }


@_decoder("provision match")
def provision_match_from_dict(data: Mapping[str, Any]) -> ProvisionMatch:
    return ProvisionMatch(
        provision_id=str(data["provision_id"]),
        kind=str(data["kind"]),
        reasons=tuple(str(r) for r in data.get("reasons", ())),
        status=str(data["status"]),
        rule=str(data.get("rule", "")),
        warnings=tuple(str(w) for w in data.get("warnings", ())),
        modality=str(data.get("modality", "")),
        in_force=str(data.get("in_force", "")),
    )


def assessment_to_dict(assessment: Assessment) -> JsonDict:
    return {
        "code": assessment.code,
        "reliability": assessment.reliability,
        "credibility": assessment.credibility,
        "reasons": list(assessment.reasons),
        "method": assessment.method,
        "likelihood": assessment.likelihood,
        "likelihood_range": assessment.likelihood_range,
        "likelihood_reason": assessment.likelihood_reason,
    }


@_decoder("assessment")
def assessment_from_dict(data: Mapping[str, Any]) -> Assessment:
    return Assessment(
        reliability=str(data["reliability"]),
        credibility=int(data["credibility"]),
        reasons=tuple(str(r) for r in data.get("reasons", ())),
        method=str(data.get("method", "")),
        likelihood=str(data.get("likelihood", "")),
        likelihood_reason=str(data.get("likelihood_reason", "")),
    )


def _conduit_to_dict(conduit: Conduit) -> JsonDict:
    return {
        "document_id": conduit.document_id,
        "outlet": conduit.outlet,
        "published": conduit.published,
        "syndication_cluster": conduit.syndication_cluster,
    }


def _conduit_from_dict(data: Mapping[str, Any]) -> Conduit:
    return Conduit(
        document_id=str(data["document_id"]),
        outlet=_opt_str(data.get("outlet")),
        published=_opt_str(data.get("published")),
        syndication_cluster=_opt_str(data.get("syndication_cluster")),
    )


def origin_to_dict(origin: Origin) -> JsonDict:
    return {
        "label": origin.label,
        "kind": origin.kind,
        "role": origin.role,
        "reliability": origin.reliability,
        "stated_as_fact": origin.stated_as_fact,
        "claim_ids": list(origin.claim_ids),
        "conduits": [_conduit_to_dict(c) for c in origin.conduits],
        "reliability_reason": origin.reliability_reason,
    }


@_decoder("origin")
def origin_from_dict(data: Mapping[str, Any]) -> Origin:
    return Origin(
        label=str(data["label"]),
        kind=str(data["kind"]),
        role=str(data.get("role", "support")),
        reliability=str(data["reliability"]),
        stated_as_fact=bool(data.get("stated_as_fact", False)),
        claim_ids=tuple(str(c) for c in data.get("claim_ids", ())),
        conduits=tuple(_conduit_from_dict(c) for c in data.get("conduits", ())),
        reliability_reason=str(data.get("reliability_reason", "")),
    )


def figure_to_dict(figure: Figure) -> JsonDict:
    return {
        "low": figure.low,
        "high": figure.high,
        "unit": figure.unit,
        "kind": figure.kind,
        "rate": figure.rate,
        "text": figure.text,
        "stated_as_fact": figure.stated_as_fact,
        "reported_by": list(figure.reported_by),
        "claim_ids": list(figure.claim_ids),
    }


@_decoder("figure")
def figure_from_dict(data: Mapping[str, Any]) -> Figure:
    return Figure(
        low=_opt_float(data.get("low")),
        high=_opt_float(data.get("high")),
        unit=_opt_str(data.get("unit")),
        kind=str(data.get("kind", "count")),
        text=str(data.get("text", "")),
        claim_ids=tuple(str(c) for c in data.get("claim_ids", ())),
        reported_by=tuple(str(r) for r in data.get("reported_by", ())),
        stated_as_fact=bool(data.get("stated_as_fact", False)),
        rate=_opt_str(data.get("rate")),
    )


def estimate_to_dict(estimate: Estimate) -> JsonDict:
    return {
        "value": estimate.value,
        "unit": estimate.unit,
        "basis": estimate.basis,
        "claim_ids": list(estimate.claim_ids),
    }


@_decoder("estimate")
def estimate_from_dict(data: Mapping[str, Any]) -> Estimate:
    return Estimate(
        value=float(data["value"]),
        unit=_opt_str(data.get("unit")),
        basis=str(data.get("basis", "")),
        claim_ids=tuple(str(c) for c in data.get("claim_ids", ())),
    )


def contradiction_to_dict(contradiction: Contradiction) -> JsonDict:
    return {
        "kind": contradiction.kind,
        "reason": contradiction.reason,
        "claim_ids": list(contradiction.claim_ids),
    }


@_decoder("contradiction")
def contradiction_from_dict(data: Mapping[str, Any]) -> Contradiction:
    return Contradiction(
        kind=str(data["kind"]),
        claim_ids=tuple(str(c) for c in data.get("claim_ids", ())),
        reason=str(data.get("reason", "")),
    )


# The original incident JSON contract: every surface renders these; later keys are extras.
INCIDENT_CORE_KEYS = (
    "id", "type", "source", "target", "time_start", "time_end", "quantity_low",
    "quantity_high", "quantity_unit", "item", "supporting_claim_ids",
    "contradicting_claim_ids", "provisions", "assessment", "method",
)  # fmt: skip


def incident_to_dict(incident: Incident) -> JsonDict:
    """Keys up to ``method`` are the original contract; the rest were added with issue 6,
    and ``title``, ``parent_id``, ``relevance``, ``relevance_reason``, ``anchors`` with 12.

    ``time_precision``, ``origin_count`` and ``conduit_count`` are derived for readers.
    """
    assessment = incident.assessment
    support = incident.supporting_origins
    return {
        "id": incident.id,
        "type": incident.type.value,
        "source": list(incident.sources),
        "target": list(incident.targets),
        "time_start": incident.time_start,
        "time_end": incident.time_end,
        "quantity_low": incident.quantity_low,
        "quantity_high": incident.quantity_high,
        "quantity_unit": incident.quantity_unit,
        "item": incident.item,
        "supporting_claim_ids": list(incident.supporting_claim_ids),
        "contradicting_claim_ids": list(incident.contradicting_claim_ids),
        "provisions": [provision_match_to_dict(m) for m in incident.provisions],
        "assessment": None if assessment is None else assessment_to_dict(assessment),
        "method": incident.method,
        "time_precision": incident.time_precision,
        "items": list(incident.items),
        "origin_count": len(support),
        "conduit_count": len({c.document_id for o in support for c in o.conduits}),
        "origins": [origin_to_dict(o) for o in incident.origins],
        "figures": [figure_to_dict(f) for f in incident.figures],
        "estimate": None if incident.estimate is None else estimate_to_dict(incident.estimate),
        "contradictions": [contradiction_to_dict(c) for c in incident.contradictions],
        "title": incident.title,
        "parent_id": incident.parent_id,
        "relevance": incident.relevance,
        "relevance_reason": incident.relevance_reason,
        "anchors": list(incident.anchors),
    }


@_decoder("incident")
def incident_from_dict(data: Mapping[str, Any]) -> Incident:
    assessment, estimate = data.get("assessment"), data.get("estimate")
    return Incident(
        id=str(data["id"]),
        type=ClaimType(data["type"]),
        sources=tuple(str(s) for s in data.get("source", ())),
        targets=tuple(str(t) for t in data.get("target", ())),
        time_start=_opt_str(data.get("time_start")),
        time_end=_opt_str(data.get("time_end")),
        quantity_low=_opt_float(data.get("quantity_low")),
        quantity_high=_opt_float(data.get("quantity_high")),
        quantity_unit=_opt_str(data.get("quantity_unit")),
        item=_opt_str(data.get("item")),
        supporting_claim_ids=tuple(str(c) for c in data.get("supporting_claim_ids", ())),
        contradicting_claim_ids=tuple(str(c) for c in data.get("contradicting_claim_ids", ())),
        provisions=tuple(provision_match_from_dict(m) for m in data.get("provisions", ())),
        assessment=None if assessment is None else assessment_from_dict(assessment),
        method=str(data.get("method", "")),
        origins=tuple(origin_from_dict(o) for o in data.get("origins", ())),
        figures=tuple(figure_from_dict(f) for f in data.get("figures", ())),
        estimate=None if estimate is None else estimate_from_dict(estimate),
        contradictions=tuple(contradiction_from_dict(c) for c in data.get("contradictions", ())),
        items=tuple(str(i) for i in data.get("items", ())),
        title=str(data.get("title") or ""),
        parent_id=_opt_str(data.get("parent_id")),
        relevance=str(data.get("relevance") or ""),
        relevance_reason=str(data.get("relevance_reason") or ""),
        anchors=tuple(str(a) for a in data.get("anchors", ())),
    )


_PROVISION_FIELDS = (
    "id",
    "regime",
    "resolution",
    "paragraph",
    "adopted",
    "category",
    "status",
    "summary",
    "applies_to",
    "deadline",
    "source",
    "unverified_paragraph_guess",
)
_PROVISION_REQUIRED = {"id", "regime", "resolution", "category", "status", "summary"}


def provision_to_dict(provision: Provision) -> JsonDict:
    return {name: getattr(provision, name) for name in _PROVISION_FIELDS}


@_decoder("provision")
def provision_from_dict(data: Mapping[str, Any]) -> Provision:
    values = {
        name: str(data[name]) if name in _PROVISION_REQUIRED else _opt_str(data.get(name))
        for name in _PROVISION_FIELDS
    }
    return Provision(**values)  # type: ignore[arg-type]


# --- documents -------------------------------------------------------------------------

_DOCUMENT_FIELDS = (
    "title",
    "outlet",
    "url",
    "published",
    "language",
    "fetched_at",
    "source_ref",
    "external_id",
    "raw_sha256",
    "syndication_cluster",
)


def document_to_dict(
    doc: Document, *, include_text: bool = True, word_count: int | None = None
) -> JsonDict:
    """``word_count``, when the caller has it stored, saves splitting the text again."""
    out: JsonDict = {"id": doc.id}
    out.update({name: getattr(doc, name) for name in _DOCUMENT_FIELDS})
    out["format"] = doc.format
    out["meta"] = dict(doc.meta)
    out["word_count"] = doc.word_count if word_count is None else word_count
    if include_text:
        out["text"] = doc.text
    return out


@_decoder("document")
def document_from_dict(data: Mapping[str, Any]) -> Document:
    """Needs ``text``: a document without its text cannot ground anything."""
    if "text" not in data:
        raise ValueError("malformed document dict: no 'text' (was it written without text?)")
    meta = data.get("meta") or {}
    return Document(
        id=str(data["id"]),
        text=str(data["text"]),
        format=str(data.get("format", "text")),
        meta={str(k): str(v) for k, v in meta.items()},
        **{name: _opt_str(data.get(name)) for name in _DOCUMENT_FIELDS},
    )
