"""Request-scoped dependencies shared by the routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from sanctionwatch import store as st
from sanctionwatch.api.caching import ResponseCache

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def get_store(request: Request) -> st.Store:
    store: st.Store = request.app.state.store
    return store


StoreDep = Annotated[st.Store, Depends(get_store)]


def get_response_cache(request: Request) -> ResponseCache:
    cache: ResponseCache = request.app.state.response_cache
    return cache


ResponseCacheDep = Annotated[ResponseCache, Depends(get_response_cache)]
