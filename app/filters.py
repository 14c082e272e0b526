"""Template filters the whole app shares, registered on the app by the factory."""

from datetime import UTC, datetime

from flask import Flask
from markupsafe import Markup


def as_utc(moment: datetime) -> datetime:
    """`moment` in UTC. SQLite hands back naive times; the app always writes them in UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def utc_isoformat(moment: datetime) -> str:
    """`moment` as ISO 8601 in UTC, for machines: 2026-11-26T06:55:12.000001+00:00."""
    return as_utc(moment).isoformat()


def utc_minutes(moment: datetime) -> str:
    """`moment` in UTC to the minute, for people: 2026-11-26 06:55."""
    return as_utc(moment).strftime("%Y-%m-%d %H:%M")


def utc_time_tag(moment: datetime) -> Markup:
    """`moment` as a `<time>` element: ISO 8601 for machines, the minute (UTC) for people.

    One filter, not `isoformat` and `minutes` side by side: a list calls it on every row.
    """
    iso = utc_isoformat(moment)  # 2026-11-26T06:55:12.000001+00:00
    # Digits and signs only: nothing to escape, so no escaping Markup.format, which is slow.
    html = f'<time datetime="{iso}">{iso[:10]} {iso[11:16]}</time>'
    return Markup(html)  # noqa: S704  # nosec B704


def register_template_filters(app: Flask) -> None:
    """Make the filters above available to every template: `{{ entry.created_at|minutes }}`."""
    app.add_template_filter(utc_isoformat, "isoformat")
    app.add_template_filter(utc_minutes, "minutes")
    app.add_template_filter(utc_time_tag, "time_tag")
