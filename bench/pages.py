"""What the benchmark measures, and the budgets each measurement must meet.

Adding a page is one line in PAGES. Budgets live here and nowhere else: never in unit tests,
whose machines and timings vary too much to hold a line on speed.
"""

from dataclasses import dataclass

# Which app each server runs, and how many guestbook rows its database holds (None: none).
REFERENCE_SERVERS = {"bare": "bench.reference_apps:bare", "hello": "bench.reference_apps:hello"}
KIT_SERVERS = {"kit": 1_000, "kit-big": 1_000_000}


@dataclass(frozen=True)
class Page:
    """One row of the results: what to request from which server, and its budget.

    `label` and `path` may hold {rows} (the server's row count) and {deep_cursor} (a signed
    cursor for the page that starts halfway down that server's guestbook).
    """

    label: str
    server: str
    path: str
    method: str = "GET"
    # Budget: requests/s at least this share of the Flask hello reference's, in the same run.
    min_ratio: float | None = None
    # Skipped, with a note, while the route answers 404 (a feature still being built).
    until_route_exists: bool = False


BARE = Page("bare WSGI callable", "bare", "/")
HELLO = Page("Flask hello", "hello", "/")
LIST_FEW = Page("guestbook list, {rows} rows", "kit", "/guestbook/")
LIST_MANY = Page("guestbook list, {rows} rows", "kit-big", "/guestbook/", min_ratio=0.40)
DEEP_FEW = Page("guestbook deep cursor, {rows} rows", "kit", "/guestbook/?cursor={deep_cursor}")
DEEP_MANY = Page(
    "guestbook deep cursor, {rows} rows", "kit-big", "/guestbook/?cursor={deep_cursor}"
)

# What the POST pages send, with a CSRF token and the session cookie that goes with it.
POST_FIELDS = {"name": "Benchmark", "message": "Signed by the benchmark, again and again."}

PAGES = [
    BARE,
    HELLO,
    Page("/", "kit", "/", min_ratio=0.60),
    Page("/hello/<name>", "kit", "/hello/Ada", min_ratio=0.60),
    Page("/submit GET", "kit", "/submit", min_ratio=0.40),
    LIST_FEW,
    LIST_MANY,
    DEEP_FEW,
    DEEP_MANY,
    Page("guestbook POST (303)", "kit-big", "/guestbook/new", method="POST", min_ratio=0.20),
    Page(
        "API list, 20 entries, {rows} rows",
        "kit-big",
        "/api/v1/entries?limit=20",
        min_ratio=0.50,
        until_route_exists=True,
    ),
]

# Flat as the data grows: (page at many rows, the same page at few rows), compared by p50.
FLAT_PAIRS = [(LIST_MANY, LIST_FEW), (DEEP_MANY, DEEP_FEW)]
MAX_FLAT_P50_RATIO = 1.2

MAX_COLD_START_RATIO = 1.2  # `import wsgi` against importing Flask and the three extensions
MAX_WORKER_RSS_MB = 80
MAX_RSS_GROWTH = 0.05  # from RSS_CHECKPOINTS[0] to RSS_CHECKPOINTS[1] requests
RSS_CHECKPOINTS = (10_000, 50_000)
MAX_SEED_SECONDS = 60  # `flask seed --count 1000000`
