"""The site's screens, one module per role: the candidate's (dashboard, phase
page, autosave, private files), the conseiller's (their candidates, a bilan, its
review) and the comment and message threads both parties share.

Thin on purpose: a view reads the request, asks the scoping querysets what the
user may see (404 otherwise), calls a rule of the domain and renders.
"""
