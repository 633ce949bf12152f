"""The form of a « Rapport d'activité » in the admin."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from users.models import Dabm


class ActivityReportForm(WagtailAdminModelForm):
    """An administrator's report is their académie's: the field is only a
    superuser's (`FieldPanel(permission="superuser")`), the DABM one of theirs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "dabm" in self.fields and user is not None:
            self.fields["dabm"].empty_label = _("Toute l'académie")
            self.fields["dabm"].queryset = (
                Dabm.objects.visible_to(user)
                .select_related("academie")
                .order_by("name")
            )
            if user.is_superuser:
                self.fields["dabm"].label_from_instance = lambda dabm: (
                    f"{dabm.name} ({dabm.academie.name})"
                )
        if "academie" not in self.fields and self.instance.academie_id is None:
            self.instance.academie_id = getattr(user, "academie_id", None)
