"""The review web app (Starlette): the check form, the review page with the HTML report and
its downloads, and `POST /api/check`, the JSON API a content management system calls.

Request bodies are read into memory up to `max_bytes` (413 past it) and uploads stay in
memory: nothing a client sends is written to disk.
"""
from __future__ import annotations

import base64
import binascii
import json
from collections.abc import AsyncGenerator
from typing import NamedTuple

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, Headers, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lint.model.findings import FileReport
from lint.readers import TEXT_FORMATS
from lint.report.html import render_html
from lint.report.json import render_json
from lint.report.summary import summary_line
from lint.serve import DEFAULT_MAX_BYTES
from lint.serve.articles import Checker, InputProblem, clean_filename, read_article
from lint.serve.pages import DEFAULT_FORMAT, download_stem, index_page, pasted_filename, review_page, size_text
from lint.serve.store import Review, ReviewStore

DEFAULT_API_FILENAME = "article.txt"
PAGE_CSP = ("default-src 'none'; style-src 'self'; frame-src 'self'; form-action 'self'; "
            "base-uri 'none'; frame-ancestors 'none'")
REPORT_CSP = "frame-ancestors 'self'"  # the report brings its own policy in a <meta> tag


class Submission(NamedTuple):
    """One article as a request sent it: its file name, and its text or its file's bytes."""

    filename: str
    text: str | None
    data: bytes | None


class _SecurityHeaders:
    """Adds headers to every response: no sniffing, no referrer, no caching (pages hold
    article text), and the app pages' Content-Security-Policy unless a route set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = Headers(raw=message["headers"])
                extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                if "cache-control" not in headers:
                    extra.append((b"cache-control", b"no-store"))
                if "content-security-policy" not in headers:
                    extra.append((b"content-security-policy", PAGE_CSP.encode()))
                message["headers"] = list(message["headers"]) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it is known to exceed `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputProblem(413, f"the request is larger than {size_text(limit)}, the most this server accepts")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise InputProblem(413, f"the request is larger than {size_text(limit)}, the most this server accepts")
        chunks.append(chunk)
    return b"".join(chunks)


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def parse_form(headers: Headers, body: bytes, limit: int) -> FormData:
    """A multipart/form-data body already read (and so within `limit`), with its upload
    kept in memory: the spool never rolls over to a temporary file."""
    async def chunks() -> AsyncGenerator[bytes, None]:
        yield body

    parser = MultiPartParser(headers, chunks(), max_files=1, max_fields=8, max_part_size=limit)
    parser.spool_max_size = limit + 1
    try:
        return await parser.parse()
    except MultiPartException as error:
        raise InputProblem(400, f"malformed form data: {error.message}") from None


async def _upload(form: FormData) -> tuple[str, bytes] | None:
    """The uploaded file's name and bytes; None when no file was chosen."""
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not (upload.filename or upload.size):
        return None
    data = await upload.read()
    await upload.close()
    return upload.filename or "", data


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _form_text(form: FormData) -> str:
    """The `text` field with its line breaks as typed: a form sends every one as CRLF."""
    return _field(form, "text").replace("\r\n", "\n")


def _json_submission(body: bytes) -> Submission:
    """The article of `{"text": ..., "filename": ...}` or
    `{"content_base64": ..., "filename": ...}`."""
    try:
        payload = json.loads(body)
    except ValueError as error:  # also a body that is not UTF-8
        raise InputProblem(400, f"invalid JSON: {error}") from None
    if not isinstance(payload, dict):
        raise InputProblem(400, 'the body must be a JSON object: {"text": "...", "filename": "draft.md"}')
    filename = payload.get("filename", DEFAULT_API_FILENAME)
    if not isinstance(filename, str):
        raise InputProblem(422, '"filename" must be a string such as "draft.md"')
    text, encoded = payload.get("text"), payload.get("content_base64")
    if text is not None and encoded is not None:
        raise InputProblem(422, 'send either "text" or "content_base64", not both')
    if encoded is not None:
        if not isinstance(encoded, str):
            raise InputProblem(422, '"content_base64" must be a string')
        try:
            return Submission(filename, None, base64.b64decode(encoded, validate=True))
        except (binascii.Error, ValueError):
            raise InputProblem(422, '"content_base64" is not valid base64') from None
    if not isinstance(text, str) or not text.strip():
        raise InputProblem(422, 'no article text: send {"text": "...", "filename": "draft.md"}')
    return Submission(filename, text, None)


async def _form_submission(form: FormData, pasted_name: str) -> Submission:
    """The article of a form: an uploaded `file`, or pasted `text` named by
    the `filename` field (else `pasted_name`)."""
    upload = await _upload(form)
    text = _form_text(form)
    if upload and text.strip():
        raise InputProblem(422, "paste an article or upload a file, not both")
    if upload:
        name, data = upload
        return Submission(_field(form, "filename") or name, None, data)
    if not text.strip():
        raise InputProblem(422, "no article: paste its text or upload a file")
    return Submission(_field(form, "filename") or pasted_name, text, None)


def create_app(checker: Checker, max_bytes: int = DEFAULT_MAX_BYTES, store: ReviewStore | None = None) -> Starlette:
    """The app around one Checker (its Linter is built once, before the first request)."""
    reviews = store if store is not None else ReviewStore()

    async def lint(submission: Submission) -> FileReport:
        document = read_article(clean_filename(submission.filename), submission.text, submission.data)
        return await run_in_threadpool(checker.check, document)

    async def home(request: Request) -> Response:
        return HTMLResponse(index_page(max_bytes))

    async def check_form(request: Request) -> Response:
        text, fmt = "", DEFAULT_FORMAT
        try:
            if media_type(request) != "multipart/form-data":
                raise InputProblem(415, "send the form as multipart/form-data")
            form = await parse_form(request.headers, await read_body(request, max_bytes), max_bytes)
            text = _form_text(form)
            fmt = _field(form, "format") if _field(form, "format") in TEXT_FORMATS else DEFAULT_FORMAT
            report = await lint(await _form_submission(form, pasted_filename(fmt)))
        except InputProblem as problem:
            return HTMLResponse(index_page(max_bytes, problem.message, text, fmt), status_code=problem.status)
        key = reviews.add(Review(filename=report.path, summary=summary_line([report]),
                                 html=render_html([report]), json=render_json([report])))
        return RedirectResponse(f"/review/{key}", status_code=303)

    def stored(request: Request) -> Review:
        review = reviews.get(request.path_params["key"])
        if review is None:
            raise HTTPException(404, "no such review (the server keeps only the most recent ones until it stops)")
        return review

    async def review(request: Request) -> Response:
        found = stored(request)
        return HTMLResponse(review_page(request.path_params["key"], found.filename, found.summary))

    async def report_view(request: Request) -> Response:
        return HTMLResponse(stored(request).html, headers={"content-security-policy": REPORT_CSP})

    def attachment(name: str) -> dict[str, str]:
        return {"content-disposition": f'attachment; filename="{name}"', "content-security-policy": REPORT_CSP}

    async def report_html(request: Request) -> Response:
        found = stored(request)
        return HTMLResponse(found.html, headers=attachment(f"{download_stem(found.filename)}.html"))

    async def report_json(request: Request) -> Response:
        found = stored(request)
        return Response(found.json, media_type="application/json",
                        headers=attachment(f"{download_stem(found.filename)}.json"))

    async def api_check(request: Request) -> Response:
        try:
            body = await read_body(request, max_bytes)
            kind = media_type(request)
            if kind == "application/json":
                submission = _json_submission(body)
            elif kind == "multipart/form-data":
                form = await parse_form(request.headers, body, max_bytes)
                submission = await _form_submission(form, DEFAULT_API_FILENAME)
            else:
                raise InputProblem(415, "send application/json ({\"text\": \"...\", \"filename\": \"draft.md\"}) "
                                   "or multipart/form-data (a file field)")
            report = await lint(submission)
        except InputProblem as problem:
            return JSONResponse({"error": problem.message}, status_code=problem.status)
        return Response(render_json([report]), media_type="application/json")

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": error.detail}, status_code=error.status_code, headers=error.headers)
        return PlainTextResponse(error.detail, status_code=error.status_code, headers=error.headers)

    async def internal_error(request: Request, error: Exception) -> Response:
        message = f"internal error ({type(error).__name__}: {error}); please report it"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, status_code=500)
        return PlainTextResponse(message, status_code=500)

    routes = [
        Route("/", home),
        Route("/check", check_form, methods=["POST"]),
        Route("/review/{key}", review),
        Route("/review/{key}/report", report_view),
        Route("/review/{key}/report.html", report_html),
        Route("/review/{key}/report.json", report_json),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/api/health", health),
        Mount("/static", StaticFiles(packages=[("lint.serve", "static")]), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error, Exception: internal_error})
    app.add_middleware(_SecurityHeaders)
    return app
