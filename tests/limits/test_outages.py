"""Redis away, hanging, or lost mid-request: the app still answers, and counts in memory.

Each scenario runs in a process of its own (see tests/limits/outages.py).
"""

import logging

import pytest
from flask.logging import default_handler

from tests.limits.outages import (
    attempts_while_redis_goes_away,
    attempts_while_redis_hangs,
    attempts_with_nothing_listening,
    in_a_fresh_process,
)

FALLBACK_WARNING = "WARNING Rate limit storage unreachable - falling back to in-memory storage"
# 1 s socket timeouts (app/limits/settings.py): the first attempt waits for one count and one check.
MOST_SECONDS = 5


@pytest.mark.servers
def test_with_nothing_at_the_redis_address_the_app_starts_and_counts_in_memory():
    result = in_a_fresh_process(attempts_with_nothing_listening, 12)
    assert result["statuses"] == [400] * 10 + [429] * 2
    assert result["log"] == [FALLBACK_WARNING]


@pytest.mark.servers
def test_a_redis_that_never_answers_costs_an_attempt_seconds_not_its_answer():
    result = in_a_fresh_process(attempts_while_redis_hangs, 12)
    assert result["statuses"] == [400] * 10 + [429] * 2
    assert max(result["seconds"]) < MOST_SECONDS, result["seconds"]
    assert result["log"] == [FALLBACK_WARNING]


@pytest.mark.servers
def test_an_attempt_under_way_when_redis_goes_away_gets_its_answer(redis_url):
    result = in_a_fresh_process(attempts_while_redis_goes_away, redis_url, 11)
    # Its failure could not be counted (logged, not a 500); the next ones count in memory.
    assert result["statuses"] == [400] + [400] * 10 + [429]
    assert "ERROR Failed to deduct rate limit. Swallowing error" in result["log"]
    assert result["log"][-1] == FALLBACK_WARNING


def test_without_logging_set_up_the_limiter_warns_where_the_app_logs(make_limited_app, monkeypatch):
    limiter_log = logging.getLogger("flask-limiter")
    monkeypatch.setattr(logging.getLogger(), "handlers", [])  # as under gunicorn
    try:
        make_limited_app()
        assert default_handler in limiter_log.handlers
    finally:
        limiter_log.removeHandler(default_handler)


def test_with_logging_set_up_the_limiter_s_warnings_are_left_to_it(make_limited_app, monkeypatch):
    monkeypatch.setattr(logging.getLogger(), "handlers", [logging.StreamHandler()])
    make_limited_app()
    assert default_handler not in logging.getLogger("flask-limiter").handlers
