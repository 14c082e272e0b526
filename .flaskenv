# Read by `flask` through python-dotenv. Real secrets go in .env (git-ignored) or the environment.
FLASK_APP=wsgi.py
FLASK_DEBUG=1
