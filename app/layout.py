"""What the layers add to the shared layout: navigation links, header menus, home-page cards.

The layout (templates/base.html) and the home page loop over `site`, a template global, so
a layer shows up by registering here from its `init_app`, and disappears when taken out.
"""

from dataclasses import dataclass, field

from flask import Flask


@dataclass(frozen=True)
class NavLink:
    """A link in the main navigation, marked as the current page on its endpoint, or
    anywhere in its `section` (a blueprint's name) when it has one.
    """

    label: str
    endpoint: str
    values: dict  # the endpoint's arguments, for url_for
    section: str | None = None

    def is_current(self, endpoint: str | None, blueprint: str | None) -> bool:
        """True on the page the link points to, or anywhere in its section."""
        return endpoint == self.endpoint or (self.section is not None and blueprint == self.section)


@dataclass
class SiteLayout:
    """Everything the layers registered, in the order they were installed."""

    nav_links: list[NavLink] = field(default_factory=list)
    # Templates included at the right of the header (the accounts layer's sign-in links).
    header_menus: list[str] = field(default_factory=list)
    # Templates of the home page's cards, one `<li class="card">` each.
    home_cards: list[str] = field(default_factory=list)


def init_app(app: Flask) -> None:
    """Give the app a layout that holds the core's own link, for the layers to add to."""
    app.extensions["layout"] = SiteLayout()
    app.jinja_env.globals["site"] = app.extensions["layout"]
    add_nav_link(app, "Hello", "main.hello", name="World")


def add_nav_link(
    app: Flask, label: str, endpoint: str, section: str | None = None, **values
) -> None:
    """Add a link to `endpoint`, built with `values`, to the main navigation."""
    app.extensions["layout"].nav_links.append(NavLink(label, endpoint, values, section))


def add_header_menu(app: Flask, template: str) -> None:
    """Include `template` in the header, after the main navigation."""
    app.extensions["layout"].header_menus.append(template)


def add_home_card(app: Flask, template: str) -> None:
    """Show `template`, a card that links to a layer's pages, on the home page."""
    app.extensions["layout"].home_cards.append(template)
