"""The synthèse's screens, by who uses them: `conseiller` (the editor, its
autosave, "Remettre"), `candidate` (reading, observations, acknowledgement,
sharing), `documents` (the PDF, and the share link anyone may open).

Thin views: the scoping querysets say what the user may see (404 otherwise),
`synthese.rules` does the work.
"""
