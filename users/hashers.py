"""The password hasher: Argon2id with OWASP's parameters, sized for this server.

Django's own `Argon2PasswordHasher` uses t=2, m=100 MiB, p=8: about 280 ms of CPU
per login on the 2-core machine CI and the benchmarks use, most of the login
budget (issue 16: a login at most 60 ms of server CPU). OWASP's Password Storage
Cheat Sheet gives Argon2id with m=19 MiB, t=2, p=1 as its first configuration;
this hasher takes it. One more pass (t=3) cost 41 ms to verify a password here
against about 28 ms at t=2, and put a whole login (POST /connexion/) at 51 ms of
CPU on a quiet machine but 61–68 ms on a loaded one, over the budget; at t=2 the
login keeps its margin. PBKDF2 costs 270 ms (`python -m bench.login`,
docs/benchmarks.md).

Existing hashes (PBKDF2, or Argon2 with other parameters, t=3 included) are
redone by Django at the next successful login, since this hasher comes first in
PASSWORD_HASHERS.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idOwaspHasher(Argon2PasswordHasher):
    """Argon2id, m=19 MiB, t=2, p=1 (OWASP's first configuration).

    Same algorithm name as Django's ("argon2"), so hashes read `argon2$argon2id$…`
    and either class can verify them; a hash with other parameters is redone at
    the next login (`must_update`).
    """

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
