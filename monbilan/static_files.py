"""How the static files are stored for production: hashed names, compressed copies,
and the files' bytes left as they are.

django-dsfr's `{% dsfr_css %}` and `{% dsfr_js %}` give each of its files a
Subresource Integrity hash (`integrity="sha384-…"`). Django's manifest storage
rewrites the `url()` references and source-map comments inside CSS and JavaScript
files so that they name the hashed copies: the bytes change, the browser finds a
different hash and refuses the file. The site was then served without any DSFR
style nor script under the production settings (tests use plain storage, and
`make run` serves the source files). Here no file is rewritten: the hashed copy of
a file is byte for byte the original, its integrity hash holds, and what it refers
to by `url()` is found under its own unhashed name beside it.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class IntactManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    patterns = ()
