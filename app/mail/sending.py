"""Sending the layer's emails: by SMTP through Flask-Mail, or to the log when no server is set.

Every email is plain text, rendered from templates/mail/*.txt. Sending never raises: an SMTP
server that is down or slow costs at most MAIL_TIMEOUT seconds a step, is logged in one line,
and the caller tells the visitor to try again later.
"""

from datetime import timedelta

from flask import current_app, render_template
from flask_mail import Mail, Message

mail = Mail()


def send_email(to: str, subject: str, template: str, **context) -> bool:
    """Send `template` to `to`, with `context`; True once the SMTP server has accepted it."""
    body = render_template(f"mail/{template}", **context)
    server = current_app.config["MAIL_SERVER"]
    if not server:
        # Development: the whole message, links included, where `flask run` shows it.
        current_app.logger.info(
            "Email not sent (MAIL_SERVER is not set):\nTo: %s\nSubject: %s\n\n%s", to, subject, body
        )
        return True
    try:
        mail.send(Message(subject, recipients=[to], body=body))
    except OSError as error:  # smtplib's errors are OSErrors, like refusals and timeouts
        current_app.logger.warning(
            "Email %r not sent: the SMTP server %s:%s failed: %r",
            subject,
            server,
            current_app.config["MAIL_PORT"],
            error,
        )
        return False
    return True


def in_words(duration: timedelta) -> str:
    """How long a link works, for an email: "30 minutes", "7 days"."""
    minutes = int(duration.total_seconds()) // 60
    if minutes % (24 * 60):
        return f"{minutes} minutes"
    days = minutes // (24 * 60)
    return f"{days} day{'s' if days > 1 else ''}"
