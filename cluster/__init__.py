"""Several app servers on one machine, on loopback (`make cluster`, `-check`).

The standard stack an académie that outgrows one machine runs: nginx (TLS, in
front) balancing two gunicorn instances of the production settings, the shared
PostgreSQL and Redis (sessions, cache, throttles), an S3-compatible server for
uploaded files (moto's, through django-storages as on a real S3), two task
workers (`db_worker`) and an SMTP server that keeps what it receives.
`services.Cluster` starts and stops it all; `check` proves it works as one site.
"""
