"""Where a bilan's synthèse stands, for the dashboards' one-line summaries.

One query, dates and numbers only, never the text.
"""

from django.db.models import OuterRef, Subquery

from .models import Synthese, SyntheseVersion


def synthese_status(bilan):
    """The bilan's synthèse annotated with its latest version's `last_number`,
    `last_submitted_at` and `last_observed_at`; None if never started."""
    latest = SyntheseVersion.objects.filter(synthese=OuterRef("pk")).order_by("-number")
    return (
        Synthese.objects.filter(bilan=bilan)
        .only("id", "bilan_id", "version", "remis_at", "acknowledged_at")
        .annotate(
            last_number=Subquery(latest.values("number")[:1]),
            last_submitted_at=Subquery(latest.values("submitted_at")[:1]),
            last_observed_at=Subquery(latest.values("observed_at")[:1]),
        )
        .first()
    )
