"""What the accounts layer announces, for other layers to act on: blinker signals, as Flask's own.

A layer connects a function to a signal from its `init_app`, with its app as the sender:
`account_created.connect(welcome, app)`. The accounts layer never needs to know who listens.
"""

from blinker import Namespace

signals = Namespace()

# Sent by the sign-up page once the new account is committed and signed in, with the app as
# the sender and the account as `user`. A receiver may flash a message of its own.
account_created = signals.signal("account-created")

# Sent by User.set_password when an existing account gets a new password (on the account
# page, by a reset link, or from code of your own), with the app as the sender and the account
# as `user`, before the change is committed: what a receiver writes with db.session is
# committed with the new password, or not at all. It may run outside a request: no flash().
password_changed = signals.signal("password-changed")
