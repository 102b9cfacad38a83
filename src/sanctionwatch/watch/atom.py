"""An Atom feed of one watchlist's alerts (RFC 4287), readable by any feed reader.

Entry ids are ``urn:sanctionwatch:alert:<id>`` so a reader never shows an alert twice;
the feed's ``updated`` is its newest alert's time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"


def render_alerts_atom(
    watchlist: str, alerts: Sequence[dict[str, Any]], *, base_url: str, generated_at: str
) -> bytes:
    """The feed for ``alerts`` (newest first); links point under ``base_url``."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", f"urn:sanctionwatch:watchlist:{watchlist}")
    _text(feed, "title", f"sanctionwatch: {watchlist}")
    _text(feed, "updated", str(alerts[0]["created_at"]) if alerts else generated_at)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "sanctionwatch")
    base = base_url.rstrip("/")
    ET.SubElement(
        feed,
        f"{{{ATOM}}}link",
        rel="self",
        href=f"{base}/watchlists/{watchlist}/alerts.atom",
        type=MEDIA_TYPE,
    )
    for alert in alerts:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", f"urn:sanctionwatch:alert:{alert['id']}")
        _text(entry, "title", str(alert.get("title", "")))
        _text(entry, "updated", str(alert["created_at"]))
        _text(entry, "published", str(alert["created_at"]))
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=_link(alert, base))
        for change in alert.get("changes", ()):
            ET.SubElement(entry, f"{{{ATOM}}}category", term=str(change["kind"]))
        _text(entry, "summary", _summary(alert))
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return body


def _link(alert: dict[str, Any], base: str) -> str:
    if alert.get("kind") == "incident":
        return f"{base}/ui/incidents/{alert['subject_id']}"
    return f"{base}/ui/documents/{alert['subject_id']}"


def _summary(alert: dict[str, Any]) -> str:
    changes = "; ".join(str(c["detail"]) for c in alert.get("changes", ()))
    reasons = "; ".join(str(r) for r in alert.get("reasons", ()))
    return f"{changes}. Matched: {reasons}."


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = value
    return element
