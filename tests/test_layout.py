"""The layout shows what the layers register: navigation links, header menus, home cards."""

from jinja2 import ChoiceLoader, DictLoader

from app.layout import add_header_menu, add_home_card, add_nav_link


def test_registered_menus_show_on_every_page_links_in_their_section_cards_at_home(make_app):
    """A layer's link (current in its section), header menu and home card reach the pages."""
    app = make_app()
    app.jinja_env.loader = ChoiceLoader(
        [
            DictLoader(
                {
                    "notes/_menu.html": '<p id="notes-menu">menu</p>',
                    "notes/_card.html": '<li class="card" id="notes">card</li>',
                }
            ),
            app.jinja_env.loader,
        ]
    )
    add_nav_link(app, "Notes", "main.hello", section="main", name="notes")
    add_header_menu(app, "notes/_menu.html")
    add_home_card(app, "notes/_card.html")
    client = app.test_client()
    home = client.get("/").get_data(as_text=True)
    assert 'id="notes-menu"' in home
    assert '<li class="card" id="notes">card</li>' in home
    # The link is current anywhere in its section (the main blueprint, here the home page).
    assert '<a href="/hello/notes" aria-current="page">Notes</a>' in home
    hello = client.get("/hello/World").get_data(as_text=True)
    assert 'id="notes-menu"' in hello
    assert '<li class="card" id="notes">' not in hello  # cards are the home page's alone
