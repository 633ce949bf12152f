"""The password hasher: Argon2id with OWASP's parameters, sized for this server.

Django's own `Argon2PasswordHasher` uses t=2, m=100 MiB, p=8: about 220 ms of CPU
per login on the 2-core machine CI and the benchmarks use, most of the login
budget (issue 16: a login at most 60 ms of server CPU). OWASP's Password Storage
Cheat Sheet gives Argon2id with m=19 MiB, t=2, p=1 as its minimum; this hasher
keeps m=19 MiB and p=1 and makes one more pass (t=3), which stays inside the
budget: 34 ms to verify a password here, against 23 ms at t=2, 87 ms at m=46 MiB
and 132 ms at m=64 MiB; a whole login (POST /connexion/) costs 50 ms of CPU, against
276 ms with PBKDF2 (`python -m bench.login`, docs/benchmarks.md section 8).

Existing hashes (PBKDF2, or Argon2 with other parameters) are upgraded by Django
at the next successful login, since this hasher comes first in PASSWORD_HASHERS.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idOwaspHasher(Argon2PasswordHasher):
    """Argon2id, m=19 MiB, t=3, p=1 (OWASP's minimum m and p, one more pass).

    Same algorithm name as Django's ("argon2"), so hashes read `argon2$argon2id$…`
    and either class can verify them; a hash with other parameters is redone at
    the next login (`must_update`).
    """

    time_cost = 3
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
