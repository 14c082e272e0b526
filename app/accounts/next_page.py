"""Where to go after signing in: only ever a page of this site."""


def safe_next_path(target: str | None) -> str | None:
    """`target` if it is a path on this site (`/guestbook/new`), else None.

    Refuses full addresses (`https://evil.example`), scheme-relative ones (`//evil.example`),
    the backslash forms browsers read as such (`/\\evil.example`), and control characters,
    so a link someone else crafted can't send a visitor off-site after they sign in.
    """
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    if any(character < " " or character == "\\" for character in target):
        return None
    return target  # one slash, then a path: no scheme and no host to send anyone to
