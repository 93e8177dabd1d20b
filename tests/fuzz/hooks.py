"""Schemathesis hooks for scripts/fuzz.sh: a check that every 4xx carries the documented error shape.

response_schema_conformance already validates bodies against openapi.yaml, but only for the statuses
a route documents; this check holds for every 4xx any route answers (an undocumented 405 or 404 too),
so no refusal can slip out as a bare string, an HTML page or a stack trace.
"""

import json
import pathlib
import re

import schemathesis

_ERROR_CODE_ENUM = None


def _codes():
    """The stable error codes, read from the enum in openapi.yaml (kept equal to ErrorCode.java by a test)."""
    global _ERROR_CODE_ENUM
    if _ERROR_CODE_ENUM is None:
        text = (pathlib.Path(__file__).resolve().parents[2] / "openapi.yaml").read_text(encoding="utf-8")
        block = text.split("    ErrorCode:", 1)[1].split("\n    Localized:", 1)[0]
        _ERROR_CODE_ENUM = set(re.findall(r"^\s+- ([a-z0-9_]+)$", block, re.M))
    return _ERROR_CODE_ENUM


@schemathesis.check
def error_shape(ctx, response, case):
    """Every 4xx is JSON {"errors":[{"field"?, "code", "message":{"ar","en"}}]} with a known code."""
    if not 400 <= response.status_code < 500:
        return None
    content_type = response.headers.get("content-type", [""])
    content_type = content_type[0] if isinstance(content_type, list) else content_type
    if "application/json" not in content_type:
        raise AssertionError(f"{response.status_code} answered with content type {content_type!r}, not JSON")
    try:
        body = json.loads(response.content)
    except ValueError as e:
        raise AssertionError(f"{response.status_code} body is not JSON: {e}") from e
    if (
        not isinstance(body, dict)
        or set(body) != {"errors"}
        or not isinstance(body["errors"], list)
        or not body["errors"]
    ):
        raise AssertionError(f'{response.status_code} body is not {{"errors": [...]}}: {str(body)[:200]}')
    for item in body["errors"]:
        if not isinstance(item, dict) or not set(item) <= {"field", "code", "message"}:
            raise AssertionError(f"unexpected error item {item!r}")
        if item.get("code") not in _codes():
            raise AssertionError(f"unknown error code {item.get('code')!r}")
        message = item.get("message")
        if (
            not isinstance(message, dict)
            or set(message) != {"ar", "en"}
            or not all(isinstance(v, str) and v for v in message.values())
        ):
            raise AssertionError(f"message is not {{ar, en}}: {message!r}")
        if "field" in item and not (isinstance(item["field"], str) and item["field"]):
            raise AssertionError(f"field is not a non-empty string: {item['field']!r}")
    return None
