"""Content blocks shared by the site's pages and the phase pages."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class HeadingBlock(blocks.StructBlock):
    """A section title inside a page."""

    text = blocks.CharBlock(label=_("Titre"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Titre de section")), ("h3", _("Sous-titre"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Titre")
        description = _("Un titre de section.")


class RichTextBlock(blocks.RichTextBlock):
    """Formatted text: paragraphs, lists, links."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features", ["bold", "italic", "ol", "ul", "link", "document-link", "h3"]
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/rich_text_block.html"
        label = _("Texte")
        description = _("Du texte mis en forme.")


class ImageContentBlock(blocks.StructBlock):
    """An image with its alternative text and an optional caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("Une image avec sa légende.")


class DocumentBlock(blocks.StructBlock):
    """A downloadable document, e.g. a PDF guide."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Intitulé du lien"), required=False, max_length=200
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        label = _("Document")
        description = _("Un document à télécharger.")


class VideoBlock(blocks.StructBlock):
    """An embedded video with its transcription for accessibility."""

    video = EmbedBlock(label=_("Adresse de la vidéo"))
    title = blocks.CharBlock(label=_("Titre de la vidéo"), max_length=200)
    transcription = blocks.TextBlock(label=_("Transcription"), required=False)

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Vidéo")
        description = _("Une vidéo intégrée, avec sa transcription.")


class CalloutBlock(blocks.StructBlock):
    """A highlighted box (DSFR "mise en avant") for advice or a warning."""

    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=200)
    text = blocks.RichTextBlock(
        label=_("Texte"), features=["bold", "italic", "link", "ul"]
    )

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        label = _("Mise en avant")
        description = _("Un encadré qui attire l'attention.")


def content_blocks():
    """The content blocks every page body offers, as (name, block) pairs."""
    return [
        ("heading", HeadingBlock()),
        ("paragraph", RichTextBlock()),
        ("image", ImageContentBlock()),
        ("document", DocumentBlock()),
        ("video", VideoBlock()),
        ("callout", CalloutBlock()),
    ]


class ResultsIndicatorsBlock(blocks.StructBlock):
    """The public figures of a published « Rapport d'activité » (Qualiopi,
    indicateur 2): the report renders them itself, so home never imports it."""

    # By name: the report's app sits above home (pyproject.toml, layers).
    report = SnippetChooserBlock(
        "activity_report.ActivityReport", label=_("Rapport d'activité publié")
    )

    class Meta:
        icon = "table"
        template = "blocks/results_indicators_block.html"
        label = _("Indicateurs de résultats")
        description = _(
            "Les chiffres publics d'un rapport d'activité publié de votre académie."
        )


def site_page_blocks():
    """The blocks of the site's pages: the content blocks, and the results
    indicators (not offered on phases and questionnaires)."""
    return [*content_blocks(), ("results_indicators", ResultsIndicatorsBlock())]
