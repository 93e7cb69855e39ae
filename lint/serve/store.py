"""The reviews the server has made, kept in memory only (never on disk) so the review page
and its downloads can be fetched; the oldest go first when there are too many."""
from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass

MAX_REVIEWS = 50
MAX_STORED_CHARS = 200_000_000  # all reports together (an article of 2 MB makes a report of a few MB)


@dataclass(frozen=True)
class Review:
    """One checked article: its name, one-line summary and rendered reports."""

    filename: str
    summary: str
    html: str
    json: str

    @property
    def size(self) -> int:
        return len(self.html) + len(self.json)


class ReviewStore:
    """Reviews by an unguessable id, most recent last, within MAX_REVIEWS and MAX_STORED_CHARS."""

    def __init__(self, max_reviews: int = MAX_REVIEWS, max_chars: int = MAX_STORED_CHARS) -> None:
        self.max_reviews = max_reviews
        self.max_chars = max_chars
        self._reviews: OrderedDict[str, Review] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()

    def add(self, review: Review) -> str:
        """Keep a review; returns its id."""
        key = secrets.token_urlsafe(16)
        with self._lock:
            self._reviews[key] = review
            self._chars += review.size
            while len(self._reviews) > 1 and (len(self._reviews) > self.max_reviews or self._chars > self.max_chars):
                _, dropped = self._reviews.popitem(last=False)
                self._chars -= dropped.size
        return key

    def get(self, key: str) -> Review | None:
        """The review with this id, or None when it is unknown or was dropped."""
        with self._lock:
            return self._reviews.get(key)

    def __len__(self) -> int:
        return len(self._reviews)
