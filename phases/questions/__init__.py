"""The form engine: from a phase's question blocks to the form a candidate fills,
and from the stored answers back to what the page shows.

It imports no model: a phase page hands it its questions (`PhasePage.questions()`),
so the pages, the rules and the views all build on it without an import circle.
"""
