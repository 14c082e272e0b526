"""Production as deployed: nginx (deploy/nginx.conf) in front of gunicorn."""
