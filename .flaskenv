# Read by `flask` through python-dotenv, for `flask run` and every other flask command.
# Anything started without APP_ENV (gunicorn, a script) runs in production, which refuses to
# start without a real SECRET_KEY and TRUSTED_HOSTS. Add --debug (`flask --debug run`) for
# the reloader and the debugger, in development only. Real secrets go in .env (git-ignored).
FLASK_APP=wsgi.py
APP_ENV=development
