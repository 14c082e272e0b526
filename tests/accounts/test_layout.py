"""What the accounts layer adds to the pages: the header's menu on every page, and on the
account and sign-in pages what other layers add.
"""

from jinja2 import ChoiceLoader, DictLoader

from app.accounts import add_account_link, add_account_section, add_sign_in_link
from tests.accounts.helpers import sign_in

SIGN_IN_LINK = '<a href="/account/sign-in"'
SIGN_UP_LINK = '<a href="/account/sign-up"'
ACCOUNT_LINK = '<a href="/account/"'
SIGN_OUT_FORM = 'action="/account/sign-out"'


def page(client, path: str = "/") -> str:
    """The page at `path`, which must answer 200."""
    response = client.get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_visitor_is_offered_sign_in_and_sign_up_on_every_page(client):
    home = page(client)
    assert SIGN_IN_LINK in home
    assert SIGN_UP_LINK in home
    assert ACCOUNT_LINK not in home
    assert SIGN_OUT_FORM not in home


def test_the_menu_marks_the_page_the_visitor_is_on(client):
    assert f'{SIGN_IN_LINK} aria-current="page">' in page(client, "/account/sign-in")
    assert f'{SIGN_UP_LINK} aria-current="page">' in page(client, "/account/sign-up")
    assert "aria-current" not in page(client).split('class="site-account"')[1]


def test_a_signed_in_visitor_gets_the_account_page_and_sign_out_instead(client, user):
    sign_in(client)
    home = page(client)
    assert f"{ACCOUNT_LINK}>Account</a>" in home
    assert SIGN_OUT_FORM in home
    assert SIGN_IN_LINK not in home
    assert SIGN_UP_LINK not in home
    assert f'{ACCOUNT_LINK} aria-current="page">' in page(client, "/account/")


def test_the_account_page_shows_the_links_other_layers_add(app, signed_in, monkeypatch):
    monkeypatch.setitem(app.extensions, "account_links", [])
    add_account_link(app, "Back to the start", "main.index")
    add_account_link(app, "Is it up?", "health.healthz")
    account = page(signed_in, "/account/")
    assert '<a href="/">Back to the start</a>' in account
    assert '<a href="/healthz">Is it up?</a>' in account
    assert account.index("Back to the start") < account.index("Is it up?")


def test_without_links_from_other_layers_the_account_page_has_none(app, signed_in, monkeypatch):
    monkeypatch.setitem(app.extensions, "account_links", [])
    account = page(signed_in, "/account/")
    assert "<p><a href=" not in account


def test_the_account_page_includes_the_sections_other_layers_add(app, signed_in, monkeypatch):
    sections = {"one.html": "<section>First, {{ current_user.email }}</section>"}
    sections["two.html"] = "<section>Second</section>"
    loader = ChoiceLoader([DictLoader(sections), app.jinja_env.loader])
    monkeypatch.setattr(app.jinja_env, "loader", loader)
    monkeypatch.setitem(app.extensions, "account_sections", [])
    add_account_section(app, "one.html")
    add_account_section(app, "two.html")
    account = page(signed_in, "/account/")
    assert "<section>First, ada@example.com</section>" in account
    assert account.index("First") < account.index("Second") < account.index("Change your")


def test_the_sign_in_page_shows_the_links_other_layers_add(app, client, monkeypatch):
    monkeypatch.setitem(app.extensions, "sign_in_links", [])
    assert "<p><a href=" not in page(client, "/account/sign-in").split("</form>")[1]
    add_sign_in_link(app, "Is it up?", "health.healthz")
    assert '<p><a href="/healthz">Is it up?</a></p>' in page(client, "/account/sign-in")
