"""Wagtail admin screens of the users app.

- Académies and DABMs: superusers only (the default model permission policy grants
  them to nobody else: no group receives these permissions).
- Conseillers: académie administrators manage those of their académie through
  `AcademieAccountsPolicy`; the listing, its filters and the forms only ever see
  `User.objects.visible_to(request.user)`.
"""

import re
from operator import methodcaller

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, TitleColumn
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.admin.widgets.button import ListingButton

import django_filters

from monbilan.admin_columns import LabelledColumn, YesNoColumn

from .accounts import create_account, log_account_changes
from .admin_forms import (
    AdministrateurCreationForm,
    AdministrateurEditForm,
    ConseillerCreationForm,
    ConseillerEditForm,
)
from .models import Academie, Dabm, User
from .permissions import AcademieAccountsPolicy
from .views import add_invitation_banner


class AcademieViewSet(ModelViewSet):
    model = Academie
    icon = "site"
    menu_label = _("Académies")
    form_fields = ["name", "support_email"]
    list_display = ["name", "support_email"]
    search_fields = ["name"]


class DabmViewSet(ModelViewSet):
    model = Dabm
    icon = "home"
    menu_label = _("DABM")
    form_fields = ["academie", "name"]
    list_display = ["name", "academie"]
    list_filter = ["academie"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return Dabm.objects.select_related("academie")


STATUT_CHOICES = [("1", _("Actif")), ("0", _("Bloqué"))]


def statut_label(user):
    return _("Actif") if user.is_active else _("Bloqué")


class ConseillerFilterSet(WagtailFilterSet):
    # Choices come from the request: an administrator never sees another
    # académie's DABMs, not even as a filter option.
    dabm = django_filters.ModelChoiceFilter(
        label=_("DABM"),
        queryset=lambda request: Dabm.objects.visible_to(request.user),
    )
    is_active = django_filters.ChoiceFilter(
        label=_("Statut"), choices=STATUT_CHOICES, empty_label=_("Tous")
    )
    is_referent = django_filters.BooleanFilter(label=_("Conseiller référent"))

    class Meta:
        model = User
        fields = []


# The letters a name may carry for each plain one: "helene" finds "Hélène",
# "ELOISE" finds "Éloïse", and "Hélène" finds "Helene" typed without accents.
ACCENT_VARIANTS = {
    "a": "aàáâãäå",
    "c": "cç",
    "e": "eèéêë",
    "i": "iìíîï",
    "n": "nñ",
    "o": "oòóôõö",
    "u": "uùúûü",
    "y": "yýÿ",
}
UNACCENT = str.maketrans(
    {variant: plain for plain, all_ in ACCENT_VARIANTS.items() for variant in all_}
)


def accent_insensitive_pattern(word):
    """A regular expression that finds `word` whatever its accents: one class
    of variants per letter, everything else literal."""
    return "".join(
        f"[{ACCENT_VARIANTS[char]}]" if char in ACCENT_VARIANTS else re.escape(char)
        for char in word.lower().translate(UNACCENT)
    )


class FoldedSearchMixin:
    """The listing's search box (`search_fields`, database filtering) as a
    person types a name: every word must be found in one of the fields ("anne
    martin" finds Anne Martin, whose names are two fields), whatever the case
    and the accents. Wagtail's own filtering looks for the whole phrase in one
    field, with the accents as typed.

    Django's `iregex` works alike on SQLite (Python's `re`, which Django
    registers there) and PostgreSQL (`~*`); the regular expression is ours,
    never the user's: their characters are escaped.
    """

    @cached_property
    def no_results_message(self):
        # Wagtail's French read « Aucun(e) utilisateurs ne correspond à votre
        # requête. »
        if self.is_searching or self.is_filtering:
            return _("Aucun résultat ne correspond à votre recherche.")
        return super().no_results_message

    def search_queryset(self, queryset):
        if not self.is_searching or not self.search_fields:
            return super().search_queryset(queryset)
        for word in self.search_query.split():
            pattern = accent_insensitive_pattern(word)
            matches = Q()
            for field in self.search_fields:
                matches |= Q(**{f"{field}__iregex": pattern})
            queryset = queryset.filter(matches)
        return queryset


class SelectionCheckboxColumn(BulkActionsCheckboxColumn):
    """Wagtail's checkbox column, each box named after its row ("Sélectionner
    Anne Martin") rather than "Sélectionner" described by a title cell's id."""

    cell_template_name = "wagtailadmin/monbilan/selection_checkbox_cell.html"

    def __init__(self, *args, name_of=str, **kwargs):
        super().__init__(*args, obj_type="monbilan", **kwargs)
        self.name_of = name_of

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["row_name"] = self.name_of(instance)
        return context


class BulkActionsListingMixin:
    """For an IndexView: a checkbox on each row and a footer with the buttons of
    the bulk actions whose types `bulk_actions` names (users.bulk_actions,
    phases.views.bulk_actions), in the listing's template `bulk_index.html`.

    Wagtail's footer (`bulk_action_choices`) lists every action registered for
    the model: for User, Wagtail's own (delete, assign a role, active state),
    which are not the académie's.
    """

    bulk_actions = ()
    template_name = "wagtailadmin/monbilan/bulk_index.html"

    def bulk_row_name(self, obj):
        return str(obj)

    @cached_property
    def columns(self):
        checkbox = SelectionCheckboxColumn("bulk_actions", name_of=self.bulk_row_name)
        return [checkbox, *super().columns]

    def bulk_action_buttons(self):
        opts = self.model._meta
        actions = [
            bulk_action_registry.get_bulk_action_class(
                opts.app_label, opts.model_name, action_type
            )
            for action_type in self.bulk_actions
        ]
        return [
            ListingButton(
                action.display_name,
                reverse(
                    "wagtail_bulk_action",
                    args=[opts.app_label, opts.model_name, action.action_type],
                ),
                attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
                priority=action.action_priority,
                classname=" ".join({*action.classes, "bulk-action-btn"}),
            )
            for action in actions
            if action is not None
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bulk_action_buttons"] = self.bulk_action_buttons()
        return context


class AccountIndexView(FoldedSearchMixin, IndexView):
    """Each row opens the account's edit screen: its name is the link, and the
    row's "…" menu offers "Modifier", as Wagtail does for its own listings.

    Wagtail makes the first column a title column only when `list_display` names
    a field; ours are `Column` objects (labels, sort keys), so the first one is
    turned into a title column here.

    On a phone each row is a card (css/monbilan_admin.css): with six columns
    side by side the name was broken letter by letter and the e-mail cut off.
    The name heads its card; the other cells say their column.
    """

    table_classname = "listing monbilan-cards"

    @cached_property
    def columns(self):
        first, *others = super().columns
        title_class = self._get_title_column_class(TitleColumn)
        title = title_class(
            first.name,
            label=first.label,
            accessor=first.accessor,
            sort_key=first.sort_key,
            get_url=self.get_edit_url,
        )
        return [title, *others]


class ConseillerIndexView(BulkActionsListingMixin, AccountIndexView):
    bulk_actions = ("monbilan_block", "monbilan_unblock", "monbilan_export")

    def get_base_queryset(self):
        return (
            User.objects.visible_to(self.request.user)
            .conseillers()
            .select_related("dabm")
            .annotate(nb_candidats=Count("bilans_suivis__candidate", distinct=True))
        )

    @cached_property
    def header_buttons(self):
        # Next to « Ajouter un conseiller »: several at once from a CSV file.
        return [
            *super().header_buttons,
            HeaderButton(
                _("Importer des conseillers"),
                url=reverse("users_import_conseillers"),
                icon_name="upload",
            ),
        ]


class SectionBreadcrumbsMixin:
    """Screens named after their section ("Conseillers") in the breadcrumbs, not
    after the model ("Utilisateurs"). The viewsets pass `section_label`."""

    section_label = None

    def get_breadcrumbs_items(self):
        index_url = reverse(self.index_url_name)
        return [
            {**item, "label": self.section_label} if item["url"] == index_url else item
            for item in super().get_breadcrumbs_items()
        ]


class ScopedAccountsMixin(SectionBreadcrumbsMixin):
    """Only the accounts the viewset's permission policy lets this user manage
    (its role, within `User.objects.visible_to`): any other is a 404."""

    def scoped_accounts(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "view"]
        )


class AccountCreateView(SectionBreadcrumbsMixin, CreateView):
    """Create an account of `role` from the form (`create_account`: notification
    link or provisional password, audit entry)."""

    role = None
    account_fields = ("username", "email", "first_name", "last_name")
    submit_button_label = _("Créer un nouveau compte")
    error_message = _(
        "Le compte n'a pas pu être créé : corrigez les erreurs signalées ci-dessous."
    )

    def get_page_subtitle(self):
        return ""

    def get_breadcrumbs_items(self):
        *parents, _new = super().get_breadcrumbs_items()
        return [*parents, {"url": "", "label": self.page_title}]

    def save_instance(self):
        data = self.form.cleaned_data
        return create_account(
            role=self.role,
            created_by=self.request.user,
            password=data["password1"],
            notify=data["notify"],
            request=self.request,
            is_active=data["statut"] == "active",
            **{name: data[name] for name in self.account_fields},
        )

    def get_success_message(self, instance):
        return _("Le compte de « %(name)s » a été créé.") % {"name": instance}


class AccountEditView(ScopedAccountsMixin, EditView):
    """Change an account (Wagtail logs the edit); blocking, référent and DABM
    changes get their own audit entries."""

    error_message = _(
        "Les modifications n'ont pas pu être enregistrées : corrigez les erreurs "
        "signalées ci-dessous."
    )

    def get_queryset(self):
        return self.scoped_accounts()

    def get_success_message(self):
        return _("Le compte de « %(name)s » a été modifié.") % {"name": self.object}

    def get_context_data(self, **kwargs):
        # Until its first login, the account's screen offers « Renvoyer
        # l'invitation » in a banner (users.views).
        add_invitation_banner(self.request, self.object)
        return super().get_context_data(**kwargs)

    def save_instance(self):
        before = User.objects.get(pk=self.object.pk)
        instance = super().save_instance()
        log_account_changes(before, instance, self.request.user)
        return instance


class AccountHistoryView(ScopedAccountsMixin, HistoryView):
    def get_base_object_queryset(self):
        return self.scoped_accounts()


class AccountUsageView(ScopedAccountsMixin, UsageView):
    def get_base_object_queryset(self):
        return self.scoped_accounts()


class ConseillerCreateView(AccountCreateView):
    page_title = _("Ajouter un conseiller")
    role = User.Role.CONSEILLER
    account_fields = (*AccountCreateView.account_fields, "is_referent", "dabm")


class ConseillerEditView(AccountEditView):
    page_title = _("Modifier le conseiller")

    @cached_property
    def followed_bilans(self):
        return self.object.bilans_suivis.count()

    @cached_property
    def header_buttons(self):
        # « Réaffecter les candidats » is the reassignment app's (above users):
        # linked by its URL name only.
        if not self.followed_bilans:
            return []
        return [
            HeaderButton(
                _("Réaffecter les candidats"),
                url=reverse("reassign_candidates", args=[self.object.pk]),
                icon_name="resubmit",
            )
        ]

    def get_context_data(self, **kwargs):
        if not self.object.is_active and self.followed_bilans:
            messages.warning(
                self.request,
                _(
                    "Ce conseiller est bloqué et suit encore %(count)s bilan(s) : "
                    "réaffectez ses candidats à un autre conseiller de l'académie."
                )
                % {"count": self.followed_bilans},
                buttons=[
                    messages.button(
                        reverse("reassign_candidates", args=[self.object.pk]),
                        _("Réaffecter les candidats"),
                    )
                ],
            )
        return super().get_context_data(**kwargs)


class AccountViewSet(ModelViewSet):
    """What the account screens share: searched by name and identifiant, 25 a
    page, never copied (and never deleted: see their permission policies)."""

    model = User
    search_fields = ["username", "first_name", "last_name", "email"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 25
    ordering = ["last_name", "first_name"]
    history_view_class = AccountHistoryView
    usage_view_class = AccountUsageView
    add_item_label = None

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_item_label": self.add_item_label,
                "section_label": self.menu_label,
                **kwargs,
            }
        )

    def get_index_view_kwargs(self, **kwargs):
        # Only the listing takes the section's name: the others have their own.
        return super().get_index_view_kwargs(
            **{"page_title": self.menu_label, **kwargs}
        )


def identity_columns():
    return [
        Column(
            "full_name", label=_("Nom"), accessor=lambda u: str(u), sort_key="last_name"
        ),
        LabelledColumn("username", label=_("Identifiant"), sort_key="username"),
        LabelledColumn("email", label=_("Courriel")),
    ]


def statut_column():
    return LabelledColumn(
        "statut", label=_("Statut"), accessor=statut_label, sort_key="is_active"
    )


class ConseillerViewSet(AccountViewSet):
    icon = "group"
    menu_label = _("Conseillers")
    menu_order = 110
    add_to_admin_menu = True
    url_namespace = "conseillers"
    index_view_class = ConseillerIndexView
    add_view_class = ConseillerCreateView
    edit_view_class = ConseillerEditView
    add_item_label = _("Ajouter un conseiller")
    filterset_class = ConseillerFilterSet
    list_display = [
        *identity_columns(),
        LabelledColumn("dabm", label=_("DABM"), sort_key="dabm__name"),
        YesNoColumn("is_referent", label=_("Référent")),
        statut_column(),
        LabelledColumn("nb_candidats", label=_("Candidats"), sort_key="nb_candidats"),
    ]

    @cached_property
    def permission_policy(self):
        return AcademieAccountsPolicy(User, base_queryset=methodcaller("conseillers"))

    def get_form_class(self, for_update=False):
        return ConseillerEditForm if for_update else ConseillerCreationForm


# --- Académie administrators: superusers only ---------------------------------


class AdministrateurFilterSet(WagtailFilterSet):
    academie = django_filters.ModelChoiceFilter(
        label=_("Académie"), queryset=Academie.objects.all()
    )
    is_active = django_filters.ChoiceFilter(
        label=_("Statut"), choices=STATUT_CHOICES, empty_label=_("Tous")
    )

    class Meta:
        model = User
        fields = []


class AdministrateurIndexView(AccountIndexView):
    def get_base_queryset(self):
        return User.objects.administrateurs().select_related("academie")


class AdministrateurCreateView(AccountCreateView):
    page_title = _("Ajouter un administrateur académique")
    role = User.Role.ADMINISTRATEUR
    account_fields = (*AccountCreateView.account_fields, "academie")


class AdministrateurEditView(AccountEditView):
    page_title = _("Modifier l'administrateur académique")


class AdministrateurViewSet(AccountViewSet):
    """The académies' administrators, created and blocked by a superuser
    (DESIGN.md §2); never deleted, like every account."""

    icon = "user"
    menu_label = _("Administrateurs académiques")
    url_namespace = "administrateurs"
    index_view_class = AdministrateurIndexView
    add_view_class = AdministrateurCreateView
    edit_view_class = AdministrateurEditView
    add_item_label = _("Ajouter un administrateur académique")
    filterset_class = AdministrateurFilterSet
    list_display = [
        *identity_columns(),
        LabelledColumn("academie", label=_("Académie"), sort_key="academie__name"),
        statut_column(),
    ]

    @cached_property
    def permission_policy(self):
        return AcademieAccountsPolicy(
            User, base_queryset=methodcaller("administrateurs"), superusers_only=True
        )

    def get_form_class(self, for_update=False):
        return AdministrateurEditForm if for_update else AdministrateurCreationForm


class AcademiesGroup(ViewSetGroup):
    menu_label = _("Académies et DABM")
    menu_icon = "site"
    menu_order = 900
    items = (
        AcademieViewSet("academies"),
        DabmViewSet("dabms"),
        AdministrateurViewSet("administrateurs"),
    )
