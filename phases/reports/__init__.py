"""What the académie's administrators read: the activity of its bilans (the
"Tableau d'activité" and its exports), the statistics, the journal, and the panels
of their admin home. Progress and metadata only, never an answer's content.
"""
