"""Blocks of a phase page: the shared content blocks plus the form field blocks.

Every question is a block class of its own (one per field type), all sharing
`FieldBlock`'s label, help text and "required". A field block knows the three things
the rest of the code asks of a question, so that no page, form or view ever switches
on a block type:

- `form_field(value, required=…)`: the Django form field that asks it;
- `to_answer(value, cleaned)` / `to_initial(value, answer, snapshot)`: how a cleaned
  value becomes the JSON stored in `PhaseSubmission.answers`, and back;
- `snapshot(value)` / `render_answer(snapshot, answer)`: what the question asked at
  the time it was answered, and how an answer displays from that alone (so that an
  answer to a question a référent later removed still shows with its question).
"""

import zlib

from django import forms
from django.template.loader import render_to_string
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import content_blocks

from ..templatetags.french_dates import french_date
from . import fields as answer_fields

EMPTY_VALUES = (None, "", [], {}, ())
# Radio buttons and checkboxes render in a fieldset of our own (DSFR markup).
CHOICES_TEMPLATE = "phases/questions/fields/choices.html"


def list_items(list_value):
    """(stable key, text) pairs of a ListBlock value.

    Wagtail gives every list item an id once the page is saved; that id, not the
    position, keys an answer so that reordering or rewording the items keeps it.
    """
    bound = getattr(list_value, "bound_blocks", None)
    if bound is None:
        return [(str(index), str(text)) for index, text in enumerate(list_value or [])]
    return [
        (child.id or str(index), str(child.value)) for index, child in enumerate(bound)
    ]


# Plausible answers for the demo data (see `example_data`).
SHORT_EXAMPLES = (
    "Assistante de gestion administrative",
    "Douze ans d'expérience dans l'éducation nationale",
    "Formation de formateur d'adultes",
    "Coordinateur de projets pédagogiques",
    "Travailler au contact du public",
)
LONG_EXAMPLES = (
    "Après douze ans dans le même poste, j'ai envie de donner un nouveau sens à "
    "mon travail. J'aime transmettre et accompagner, et je voudrais savoir comment "
    "valoriser ces compétences ailleurs.",
    "J'ai commencé comme agent administratif, puis je suis devenue gestionnaire "
    "d'un service de vingt personnes. Ce qui m'a le plus plu : organiser, "
    "résoudre des problèmes concrets et travailler en équipe.",
    "Je me sens à l'aise dans l'écoute et la médiation. On me dit souvent que je "
    "sais rassurer et expliquer clairement. J'ai plus de mal avec les tâches "
    "répétitives et l'isolement.",
    "Mon projet principal est de devenir formatrice pour adultes. Une piste "
    "secondaire serait un poste de conseillère en insertion dans une mission "
    "locale, plus proche de mon domicile.",
    "Je souhaite me renseigner auprès de deux organismes de formation, rencontrer "
    "une professionnelle du métier et vérifier les conditions de financement.",
)


# Column keyword → two plausible cells (demo data for tables).
TABLE_EXAMPLES = (
    (("période", "année", "date", "échéance"), ("2014 – 2026", "2008 – 2014")),
    (
        ("employeur", "établissement", "organisme", "structure"),
        ("Lycée Jean Moulin, Sète", "Mairie de Lunel"),
    ),
    (
        ("fonction", "métier", "poste", "piste", "projet"),
        ("Gestionnaire administrative", "Formatrice pour adultes"),
    ),
    (
        ("compétence",),
        ("Accueillir et orienter du public", "Gérer un budget de service"),
    ),
    (
        ("action",),
        (
            "Rencontrer une formatrice d'adultes",
            "S'inscrire à une réunion d'information",
        ),
    ),
    (
        ("diplôme", "formation", "certification"),
        ("BTS Assistant de gestion", "Titre professionnel Formateur d'adultes"),
    ),
    (("niveau",), ("Confirmé", "Intermédiaire")),
    (("oui", "obtenu", "envie"), ("Oui", "En cours")),
)


def table_examples(column):
    lowered = column.lower()
    for keywords, cells in TABLE_EXAMPLES:
        if any(keyword in lowered for keyword in keywords):
            return cells
    return (pick_example(SHORT_EXAMPLES, column), pick_example(SHORT_EXAMPLES, lowered))


def pick_example(examples, label):
    """A stable pick, so that the demo data is the same on every run."""
    return examples[zlib.crc32(str(label).encode()) % len(examples)]


class FieldBlock(blocks.StructBlock):
    """Base of every question: a label, a help text and "required"."""

    label = blocks.CharBlock(label=_("Question"), max_length=500)
    help_text = blocks.CharBlock(label=_("Aide"), required=False, max_length=500)
    required = blocks.BooleanBlock(label=_("Réponse obligatoire"), required=False)

    #: The block's name in the phase body's StreamField (and in answer snapshots).
    type_name = ""
    #: How a stored answer displays (read-only phase, conseiller's view).
    answer_template = "phases/questions/answers/text.html"

    # --- the form -----------------------------------------------------------
    def field_kwargs(self, value, required):
        return {
            "label": value["label"],
            "help_text": value.get("help_text") or "",
            "required": required,
        }

    def form_field(self, value, *, required, **options):
        """The Django form field asking this question."""
        raise NotImplementedError

    def to_answer(self, value, cleaned):
        """The JSON-serialisable answer for a cleaned value; None when unanswered."""
        return None if cleaned in EMPTY_VALUES else cleaned

    def to_initial(self, value, answer, snapshot=None):
        """The field's initial value for a stored answer."""
        return answer

    # --- what was asked, and how the answer displays --------------------------
    def snapshot(self, value):
        """What the question asked, kept with the answers (plain JSON)."""
        return {"label": str(value["label"]), "type": self.type_name}

    def answer_context(self, snapshot, answer):
        return {"text": answer}

    def render_answer(self, snapshot, answer):
        context = {"snapshot": snapshot, "answer": answer}
        context.update(self.answer_context(snapshot, answer))
        return render_to_string(self.answer_template, context)

    def example_data(self, name, value):
        """POST data answering this question plausibly (demo data and tests)."""
        return {}

    class Meta:
        template = "blocks/field_block.html"
        # The block chooser lists the questions apart from the content blocks.
        group = _("Questions")


class ShortTextBlock(FieldBlock):
    """A one-line answer."""

    type_name = "short_text"

    def form_field(self, value, *, required, **options):
        return forms.CharField(max_length=500, **self.field_kwargs(value, required))

    def example_data(self, name, value):
        return {name: pick_example(SHORT_EXAMPLES, value["label"])}

    class Meta:
        icon = "form"
        template = "blocks/field_block.html"
        label = _("Réponse courte")
        description = _("Une réponse sur une ligne.")


class LongTextBlock(FieldBlock):
    """A free answer over several paragraphs."""

    type_name = "long_text"
    answer_template = "phases/questions/answers/long_text.html"

    def form_field(self, value, *, required, **options):
        return forms.CharField(
            max_length=20000,
            widget=forms.Textarea(attrs={"rows": 6}),
            **self.field_kwargs(value, required),
        )

    def example_data(self, name, value):
        return {name: pick_example(LONG_EXAMPLES, value["label"])}

    class Meta:
        icon = "pilcrow"
        template = "blocks/field_block.html"
        label = _("Réponse longue")
        description = _("Une réponse libre sur plusieurs paragraphes.")


class ChoiceFieldBlock(FieldBlock):
    """Base of the questions whose answer is taken from a list of choices."""

    # A question that offers no choice could never be answered (nor its phase
    # completed when it is required): Wagtail refuses to save fewer than two.
    choices = blocks.ListBlock(
        blocks.CharBlock(label=_("Choix"), max_length=255),
        label=_("Choix proposés"),
        min_num=2,
    )

    def choice_list(self, value):
        return [(text, text) for _key, text in list_items(value["choices"])]

    def snapshot(self, value):
        return {
            **super().snapshot(value),
            "choices": [text for _key, text in list_items(value["choices"])],
        }

    def example_data(self, name, value):
        choices = self.choice_list(value)
        return {name: choices[0][0]} if choices else {}


class SingleChoiceBlock(ChoiceFieldBlock):
    """One answer among several, as radio buttons."""

    type_name = "single_choice"

    def form_field(self, value, *, required, **options):
        field = forms.ChoiceField(
            choices=self.choice_list(value),
            widget=forms.RadioSelect,
            **self.field_kwargs(value, required),
        )
        field.template_name = CHOICES_TEMPLATE
        return field

    class Meta:
        icon = "radio-full"
        template = "blocks/field_block.html"
        label = _("Choix unique")
        description = _("Une seule réponse parmi plusieurs (boutons radio).")


class MultipleChoiceBlock(ChoiceFieldBlock):
    """Several answers among a list, as checkboxes."""

    type_name = "multiple_choice"
    answer_template = "phases/questions/answers/list.html"

    def form_field(self, value, *, required, **options):
        field = forms.MultipleChoiceField(
            choices=self.choice_list(value),
            widget=forms.CheckboxSelectMultiple,
            **self.field_kwargs(value, required),
        )
        field.template_name = CHOICES_TEMPLATE
        return field

    def answer_context(self, snapshot, answer):
        return {"items": answer or [], "ordered": False}

    def example_data(self, name, value):
        choices = [key for key, _label in self.choice_list(value)]
        return {name: choices[:2]} if choices else {}

    class Meta:
        icon = "tick-inverse"
        template = "blocks/field_block.html"
        label = _("Choix multiple")
        description = _("Plusieurs réponses possibles (cases à cocher).")


class DropdownBlock(ChoiceFieldBlock):
    """One answer picked from a drop-down list."""

    type_name = "dropdown"

    def form_field(self, value, *, required, **options):
        return forms.ChoiceField(
            choices=[("", _("Sélectionnez une option")), *self.choice_list(value)],
            **self.field_kwargs(value, required),
        )

    class Meta:
        icon = "list-ul"
        template = "blocks/field_block.html"
        label = _("Liste déroulante")
        description = _("Une réponse choisie dans une liste déroulante.")


class LikertBlock(FieldBlock):
    """A grid of statements, each rated on the same scale (Likert scale)."""

    type_name = "likert"
    answer_template = "phases/questions/answers/likert.html"

    statements = blocks.ListBlock(
        blocks.CharBlock(label=_("Affirmation"), max_length=500),
        label=_("Affirmations"),
        min_num=1,
    )
    scale = blocks.ListBlock(
        blocks.CharBlock(label=_("Degré"), max_length=100),
        label=_("Échelle"),
        help_text=_("Par exemple : Pas important, Peu important, Important…"),
        min_num=2,
    )

    def form_field(self, value, *, required, **options):
        return answer_fields.LikertField(
            statements=list_items(value["statements"]),
            scale=[text for _key, text in list_items(value["scale"])],
            **self.field_kwargs(value, required),
        )

    def to_initial(self, value, answer, snapshot=None):
        return answer if isinstance(answer, dict) else {}

    def snapshot(self, value):
        return {
            **super().snapshot(value),
            "statements": [list(item) for item in list_items(value["statements"])],
            "scale": [text for _key, text in list_items(value["scale"])],
        }

    def answer_context(self, snapshot, answer):
        answer = answer if isinstance(answer, dict) else {}
        known = {key for key, _text in snapshot.get("statements", [])}
        rows = [
            (text, answer.get(key))
            for key, text in snapshot.get("statements", [])
            if key in answer
        ]
        rows += [
            (_("Affirmation retirée"), point)
            for key, point in answer.items()
            if key not in known
        ]
        return {"rows": rows}

    def example_data(self, name, value):
        scale = [text for _key, text in list_items(value["scale"])]
        if not scale:
            return {}
        return {
            f"{name}-{key}": scale[(index * 2 + 1) % len(scale)]
            for index, (key, _text) in enumerate(list_items(value["statements"]))
        }

    class Meta:
        icon = "grid"
        template = "blocks/field_block.html"
        label = _("Échelle (grille de Likert)")
        description = _(
            "Des affirmations que le candidat situe chacune sur la même échelle."
        )


class RankingBlock(FieldBlock):
    """Items the candidate puts in order of preference (e.g. work values)."""

    type_name = "ranking"
    answer_template = "phases/questions/answers/list.html"

    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Élément"), max_length=255),
        label=_("Éléments à classer"),
        min_num=2,
    )

    def form_field(self, value, *, required, **options):
        return answer_fields.RankingField(
            items=list_items(value["items"]), **self.field_kwargs(value, required)
        )

    def to_initial(self, value, answer, snapshot=None):
        # The answer is the ordered list of the items' texts; map back to ranks.
        ranks = {text: rank for rank, text in enumerate(answer or [], start=1)}
        return {
            key: ranks[text]
            for key, text in list_items(value["items"])
            if text in ranks
        }

    def snapshot(self, value):
        return {
            **super().snapshot(value),
            "items": [text for _key, text in list_items(value["items"])],
        }

    def answer_context(self, snapshot, answer):
        return {"items": answer or [], "ordered": True}

    def example_data(self, name, value):
        items = list_items(value["items"])
        # A plausible order: the référent's own order, reversed.
        return {
            f"{name}-{key}": str(len(items) - index)
            for index, (key, _text) in enumerate(items)
        }

    class Meta:
        icon = "order"
        template = "blocks/field_block.html"
        label = _("Classement")
        description = _("Des éléments que le candidat classe par ordre de préférence.")


class DateBlock(FieldBlock):
    """A date."""

    type_name = "date"

    def form_field(self, value, *, required, **options):
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **self.field_kwargs(value, required),
        )

    def to_answer(self, value, cleaned):
        return cleaned.isoformat() if cleaned else None

    def to_initial(self, value, answer, snapshot=None):
        return parse_date(answer) if isinstance(answer, str) else None

    def answer_context(self, snapshot, answer):
        day = parse_date(answer) if isinstance(answer, str) else answer
        return {"text": french_date(day) or answer}

    def example_data(self, name, value):
        return {name: "2026-03-02"}

    class Meta:
        icon = "date"
        template = "blocks/field_block.html"
        label = _("Date")
        description = _("Une date.")


class NumberBlock(FieldBlock):
    """A whole number, optionally between a minimum and a maximum."""

    type_name = "number"

    min_value = blocks.IntegerBlock(label=_("Valeur minimale"), required=False)
    max_value = blocks.IntegerBlock(label=_("Valeur maximale"), required=False)

    def form_field(self, value, *, required, **options):
        return forms.IntegerField(
            min_value=value.get("min_value"),
            max_value=value.get("max_value"),
            **self.field_kwargs(value, required),
        )

    def example_data(self, name, value):
        low = value.get("min_value")
        high = value.get("max_value")
        number = 5
        if low is not None and high is not None:
            number = (low + high) // 2
        elif low is not None:
            number = low + 1
        elif high is not None:
            number = high
        return {name: str(number)}

    class Meta:
        icon = "decimal"
        template = "blocks/field_block.html"
        label = _("Nombre")
        description = _("Un nombre entier, éventuellement borné.")


class YesNoBlock(FieldBlock):
    """A yes-or-no question."""

    type_name = "yes_no"
    CHOICES = [("oui", _("Oui")), ("non", _("Non"))]

    def form_field(self, value, *, required, **options):
        field = forms.ChoiceField(
            choices=self.CHOICES,
            widget=forms.RadioSelect,
            **self.field_kwargs(value, required),
        )
        field.widget.inline = True
        field.template_name = CHOICES_TEMPLATE
        return field

    def answer_context(self, snapshot, answer):
        return {"text": dict(self.CHOICES).get(answer, answer)}

    def example_data(self, name, value):
        return {name: "oui"}

    class Meta:
        icon = "circle-check"
        template = "blocks/field_block.html"
        label = _("Oui / Non")
        description = _("Une question à laquelle on répond par oui ou par non.")


class TableBlock(FieldBlock):
    """A table whose columns the référent defines and whose rows the candidate adds."""

    type_name = "table"
    answer_template = "phases/questions/answers/table.html"

    columns = blocks.ListBlock(
        blocks.CharBlock(label=_("Colonne"), max_length=100),
        label=_("Colonnes"),
        min_num=1,
    )

    def form_field(self, value, *, required, extra_rows=1, **options):
        return answer_fields.TableField(
            columns=[text for _key, text in list_items(value["columns"])],
            extra_rows=extra_rows,
            **self.field_kwargs(value, required),
        )

    def to_initial(self, value, answer, snapshot=None):
        """Rows realigned on the current columns, matched by their stable keys."""
        if not isinstance(answer, list):
            return []
        current = [key for key, _text in list_items(value["columns"])]
        answered = (snapshot or {}).get("column_keys") or current
        positions = {key: index for index, key in enumerate(answered)}
        return [
            [
                row[positions[key]]
                if key in positions and positions[key] < len(row)
                else ""
                for key in current
            ]
            for row in answer
        ]

    def snapshot(self, value):
        items = list_items(value["columns"])
        return {
            **super().snapshot(value),
            "columns": [text for _key, text in items],
            "column_keys": [key for key, _text in items],
        }

    def answer_context(self, snapshot, answer):
        return {"columns": snapshot.get("columns", []), "rows": answer or []}

    def example_data(self, name, value):
        columns = list_items(value["columns"])
        data = {f"{name}-rows": "2"}
        for column, (_key, text) in enumerate(columns):
            first, second = table_examples(text)
            data[f"{name}-0-{column}"] = first
            data[f"{name}-1-{column}"] = second
        return data

    class Meta:
        icon = "table"
        template = "blocks/field_block.html"
        label = _("Tableau à compléter")
        description = _(
            "Un tableau dont vous définissez les colonnes ; le candidat ajoute "
            "autant de lignes que nécessaire."
        )


class FileUploadBlock(FieldBlock):
    """A private file the candidate attaches (PDF, ODT, DOCX, JPEG or PNG, 5 Mo)."""

    type_name = "file_upload"
    answer_template = "phases/questions/answers/file.html"

    def form_field(self, value, *, required, **options):
        return answer_fields.PrivateFileField(**self.field_kwargs(value, required))

    def to_answer(self, value, cleaned):
        # New uploads are stored by the submission rules; a kept file is its answer.
        return cleaned if isinstance(cleaned, dict) else None

    def to_initial(self, value, answer, snapshot=None):
        return answer if isinstance(answer, dict) else None

    def answer_context(self, snapshot, answer):
        return {"file": answer if isinstance(answer, dict) else None}

    class Meta:
        icon = "doc-full-inverse"
        template = "blocks/field_block.html"
        label = _("Dépôt de fichier")
        description = _(
            "Un fichier joint par le candidat (PDF, ODT, DOCX, JPEG ou PNG, 5 Mo "
            "au plus), visible seulement par lui et son conseiller."
        )


FIELD_BLOCK_CLASSES = (
    ShortTextBlock,
    LongTextBlock,
    SingleChoiceBlock,
    MultipleChoiceBlock,
    DropdownBlock,
    LikertBlock,
    RankingBlock,
    DateBlock,
    NumberBlock,
    YesNoBlock,
    TableBlock,
    FileUploadBlock,
)


def field_blocks():
    """The question blocks a phase body offers, as (name, block) pairs."""
    return [(cls.type_name, cls()) for cls in FIELD_BLOCK_CLASSES]


_BLOCKS_BY_TYPE = {}


def field_block_for(type_name):
    """A block instance for a question type, e.g. to show a removed question."""
    if not _BLOCKS_BY_TYPE:
        _BLOCKS_BY_TYPE.update(field_blocks())
    return _BLOCKS_BY_TYPE.get(type_name, _BLOCKS_BY_TYPE["long_text"])


def phase_body_blocks():
    """The phase body's blocks: the site's content blocks, then the questions.

    The content blocks are shared with the site's pages (home.blocks), where the
    chooser has nothing to group; here they are grouped apart from the questions.
    """
    content = content_blocks()
    for _name, block in content:
        # On the instance, not as a constructor argument: a group is only how the
        # chooser shows the block, not part of its definition (no migration).
        block.meta.group = _("Contenu")
    return [*content, *field_blocks()]
