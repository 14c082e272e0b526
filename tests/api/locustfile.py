"""Locust: a program using the JSON API under /api/v1, which mostly reads and sometimes writes.

Writing needs a token in the environment variable API_TOKEN. A token belongs to an account:
create one on the account's API tokens page (/account/tokens/), or with
`flask api-token create --user EMAIL NAME`, which prints it (its last line). The program
changes only the entries it created, which its account owns. Run with
`API_TOKEN=... locust -f tests/guestbook/locustfile.py,tests/api/locustfile.py --host http://127.0.0.1:8000`.
"""

import os
import random

from locust import HttpUser, between, task


class ApiClient(HttpUser):
    """A client of the API: lists entries page by page, reads one, now and then creates one."""

    # As brisk as the guestbook's users: every task runs within a smoke test.
    wait_time = between(0.2, 1)

    def on_start(self):
        """Take the token from the environment and read the first page of entries."""
        self.headers = {"Authorization": f"Bearer {os.environ.get('API_TOKEN', '')}"}
        self.entry_ids: list[int] = []
        self.own_ids: list[int] = []  # created with the token: the account's own entries
        self.next_page: str | None = None
        self.read_list("/api/v1/entries", "/api/v1/entries")

    def read_list(self, url: str, name: str) -> None:
        """GET a page of entries; remember their ids and the URL of the next page."""
        response = self.client.get(url, name=name)
        if not response.ok:
            return  # Locust has counted the failure
        page = response.json()
        # `next` is the API's own link, whatever its parameters are called: follow it as given.
        self.next_page = page["next"]
        self.entry_ids = [entry["id"] for entry in page["entries"]]

    @task(5)
    def list_entries(self):
        """The first page, or half the time the next page after the last one read."""
        if self.next_page and random.random() < 0.5:  # noqa: S311 (not for security)
            self.read_list(self.next_page, "/api/v1/entries [next page]")
        else:
            self.read_list("/api/v1/entries", "/api/v1/entries")

    @task(3)
    def read_entry(self):
        """One entry from the last page read."""
        if self.entry_ids:
            entry_id = random.choice(self.entry_ids)  # noqa: S311 (not for security)
            self.client.get(f"/api/v1/entries/{entry_id}", name="/api/v1/entries/[id]")

    @task(1)
    def create_entry(self):
        """Create an entry; without a valid API_TOKEN this fails, and says why."""
        entry = {"name": "Locust", "message": "Created under load through the API."}
        with self.client.post(
            "/api/v1/entries", json=entry, headers=self.headers, catch_response=True
        ) as response:
            if response.status_code == 401:
                response.failure(
                    "401: set API_TOKEN to a token from `flask api-token create --user EMAIL`"
                )
            elif response.status_code == 201:
                self.own_ids.append(response.json()["id"])

    @task(1)
    def edit_own_entry(self):
        """Change the message of an entry this client created (no one else's is allowed)."""
        if self.own_ids:
            entry_id = random.choice(self.own_ids)  # noqa: S311 (not for security)
            self.client.patch(
                f"/api/v1/entries/{entry_id}",
                json={"message": "Edited under load through the API."},
                headers=self.headers,
                name="/api/v1/entries/[id] (edit)",
            )
