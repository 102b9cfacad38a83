"""HTTP surface (FastAPI). Only this package and ``web/`` import FastAPI."""

from sanctionwatch.api.app import create_app

__all__ = ["create_app"]
