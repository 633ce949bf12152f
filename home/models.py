from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from users.permissions import KeptPagesMixin

from .blocks import site_page_blocks

DEFAULT_DESCRIPTION = _(
    "Mon Bilan en Ligne : le bilan de compétences, à distance ou en présentiel, "
    "des centres de bilan de l'Éducation nationale."
)


class PublicPageMixin:
    """A page anyone may read describes itself to search engines."""

    def meta_description(self):
        """The <meta name="description">: the référent's "Description pour les
        moteurs de recherche" (Promotion tab), else the start of the
        introduction, else the service's own description."""
        if self.search_description:
            return self.search_description
        intro = " ".join(strip_tags(self.intro).split())
        if intro:
            return Truncator(intro).chars(160)
        return str(DEFAULT_DESCRIPTION)


class HomePage(KeptPagesMixin, PublicPageMixin, Page):
    """The site's home page, with the product name and the "Se connecter" link."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    body = StreamField(site_page_blocks(), blank=True, verbose_name=_("contenu"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("page d'accueil")


class ContentPage(KeptPagesMixin, PublicPageMixin, Page):
    """A plain page of the site (accessibilité, mentions légales, aide…)."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    body = StreamField(site_page_blocks(), blank=True, verbose_name=_("contenu"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage", "home.ContentPage"]

    class Meta:
        verbose_name = _("page de contenu")
