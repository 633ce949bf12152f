"""Backups of the site's data: its database and its stored files, and their
restore (`manage.py backup_data`, `manage.py restore_data`; `make backup`,
`make restore-check`). Imports no other app: what it copies is whatever the
database and the storages hold."""
