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
  answer to a question a référent later removed still shows with its question);
- `answer_data(value, name, answer)` / `example_answer(value, texts)`: the POST data
  that gives a plain answer (as a person writes it) to the form field, and a
  plausible answer of the question's shape, its prose asked of `texts` (the demo's
  and the tests' data: `phases.content.demo_answers`; the engine ships no prose);
- `tally_rows(value)` / `tally(value, answer)`: what a count of many answers shows
  (for each row, the options it counts) and which (row, option) pairs one answer
  counts in; the questionnaires' statistics add them up, and free answers, which
  no count can show without reading them, have no rows.
"""

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


def list_texts(list_value):
    """The texts of a ListBlock value, in order."""
    return [text for _key, text in list_items(list_value)]


def text_list(item_label, label, *, max_length, min_num, **options):
    """A ListBlock of texts the référent writes: choices, statements, columns…"""
    return blocks.ListBlock(
        blocks.CharBlock(label=item_label, max_length=max_length),
        label=label,
        min_num=min_num,
        **options,
    )


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

    # --- counting many answers (the questionnaires' statistics) -------------
    def tally_rows(self, value):
        """[(row key, row label or None, [option, …])]: what a count of the
        answers shows; empty for a free answer, which is never counted."""
        return []

    def tally(self, value, answer):
        """The (row key, option) pairs one stored answer counts in."""
        return []

    # --- demo and test data ---------------------------------------------------
    def answer_data(self, value, name, answer):
        """The POST data this question's form field reads as `answer`, a plain
        answer as a person writes it (texts, not the items' keys); None when it
        does not fit the question (e.g. a choice it does not offer)."""
        return {name: str(answer)}

    def example_answer(self, value, texts):
        """A plausible plain answer (for `answer_data`); None if it takes no text.

        The engine knows the shape, `texts` the prose: `texts.short(label)` and
        `texts.long(label)` give an answer's text, `texts.cells(column)` two cells
        of a table's column (`phases.content.demo_answers.DEMO_TEXTS`).
        """
        return None

    class Meta:
        # Inherited by every question's Meta (Wagtail merges it with the bases').
        template = "blocks/field_block.html"
        # The block chooser lists the questions apart from the content blocks.
        group = _("Questions")


class ShortTextBlock(FieldBlock):
    """A one-line answer."""

    type_name = "short_text"

    def form_field(self, value, *, required, **options):
        return forms.CharField(max_length=500, **self.field_kwargs(value, required))

    def example_answer(self, value, texts):
        return texts.short(value["label"])

    class Meta:
        icon = "form"
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

    def example_answer(self, value, texts):
        return texts.long(value["label"])

    class Meta:
        icon = "pilcrow"
        label = _("Réponse longue")
        description = _("Une réponse libre sur plusieurs paragraphes.")


class ChoiceFieldBlock(FieldBlock):
    """Base of the questions whose answer is taken from a list of choices."""

    # A question that offers no choice could never be answered (nor its phase
    # completed when it is required): Wagtail refuses to save fewer than two.
    choices = text_list(_("Choix"), _("Choix proposés"), max_length=255, min_num=2)

    def choice_list(self, value):
        return [(text, text) for text in list_texts(value["choices"])]

    def snapshot(self, value):
        return {**super().snapshot(value), "choices": list_texts(value["choices"])}

    def tally_rows(self, value):
        return [("", None, list_texts(value["choices"]))]

    def tally(self, value, answer):
        picked = answer if isinstance(answer, list) else [answer]
        offered = list_texts(value["choices"])
        return [("", text) for text in picked if text in offered]

    def answer_data(self, value, name, answer):
        return {name: answer} if answer in list_texts(value["choices"]) else None

    def example_answer(self, value, texts):
        return next(iter(list_texts(value["choices"])), None)


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

    def answer_data(self, value, name, answer):
        offered = list_texts(value["choices"])
        picked = [text for text in answer if text in offered]
        return {name: picked} if picked else None

    def example_answer(self, value, texts):
        return list_texts(value["choices"])[:2] or None

    class Meta:
        icon = "tick-inverse"
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
        label = _("Liste déroulante")
        description = _("Une réponse choisie dans une liste déroulante.")


class LikertBlock(FieldBlock):
    """A grid of statements, each rated on the same scale (Likert scale)."""

    type_name = "likert"
    answer_template = "phases/questions/answers/likert.html"

    statements = text_list(
        _("Affirmation"), _("Affirmations"), max_length=500, min_num=1
    )
    scale = text_list(
        _("Degré"),
        _("Échelle"),
        max_length=100,
        min_num=2,
        help_text=_("Par exemple : Pas important, Peu important, Important…"),
    )

    def form_field(self, value, *, required, **options):
        return answer_fields.LikertField(
            statements=list_items(value["statements"]),
            scale=list_texts(value["scale"]),
            **self.field_kwargs(value, required),
        )

    def to_initial(self, value, answer, snapshot=None):
        return answer if isinstance(answer, dict) else {}

    def snapshot(self, value):
        return {
            **super().snapshot(value),
            "statements": [list(item) for item in list_items(value["statements"])],
            "scale": list_texts(value["scale"]),
        }

    def tally_rows(self, value):
        scale = list_texts(value["scale"])
        return [(key, text, scale) for key, text in list_items(value["statements"])]

    def tally(self, value, answer):
        if not isinstance(answer, dict):
            return []
        scale = list_texts(value["scale"])
        return [
            (key, answer[key])
            for key, _text in list_items(value["statements"])
            if answer.get(key) in scale
        ]

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

    def answer_data(self, value, name, answer):
        """`answer` maps each statement's text to a degree of the scale; every
        statement must have one."""
        scale = list_texts(value["scale"])
        statements = list_items(value["statements"])
        data = {
            f"{name}-{key}": answer[text]
            for key, text in statements
            if answer.get(text) in scale
        }
        return data if len(data) == len(statements) else None

    def example_answer(self, value, texts):
        scale = list_texts(value["scale"])
        if not scale:
            return None
        return {
            text: scale[(index * 2 + 1) % len(scale)]
            for index, text in enumerate(list_texts(value["statements"]))
        }

    class Meta:
        icon = "grid"
        label = _("Échelle (grille de Likert)")
        description = _(
            "Des affirmations que le candidat situe chacune sur la même échelle."
        )


class RankingBlock(FieldBlock):
    """Items the candidate puts in order of preference (e.g. work values)."""

    type_name = "ranking"
    answer_template = "phases/questions/answers/list.html"

    items = text_list(_("Élément"), _("Éléments à classer"), max_length=255, min_num=2)

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
        return {**super().snapshot(value), "items": list_texts(value["items"])}

    def answer_context(self, snapshot, answer):
        return {"items": answer or [], "ordered": True}

    def answer_data(self, value, name, answer):
        """`answer` is the items' texts in order; the ones it leaves out follow."""
        items = list_items(value["items"])
        offered = {text for _key, text in items}
        order = [text for text in answer if text in offered]
        order += [text for _key, text in items if text not in order]
        rank = {text: position for position, text in enumerate(order, start=1)}
        return {f"{name}-{key}": str(rank[text]) for key, text in items}

    def example_answer(self, value, texts):
        # A plausible order: the référent's own order, reversed.
        return list_texts(value["items"])[::-1]

    class Meta:
        icon = "order"
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

    def example_answer(self, value, texts):
        return "2026-03-02"

    class Meta:
        icon = "date"
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

    def example_answer(self, value, texts):
        low = value.get("min_value")
        high = value.get("max_value")
        number = 5
        if low is not None and high is not None:
            number = (low + high) // 2
        elif low is not None:
            number = low + 1
        elif high is not None:
            number = high
        return number

    class Meta:
        icon = "decimal"
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

    def tally_rows(self, value):
        return [("", None, [str(label) for _key, label in self.CHOICES])]

    def tally(self, value, answer):
        labels = {key: str(label) for key, label in self.CHOICES}
        return [("", labels[answer])] if answer in labels else []

    def example_answer(self, value, texts):
        return "oui"

    class Meta:
        icon = "circle-check"
        label = _("Oui / Non")
        description = _("Une question à laquelle on répond par oui ou par non.")


class TableBlock(FieldBlock):
    """A table whose columns the référent defines and whose rows the candidate adds."""

    type_name = "table"
    answer_template = "phases/questions/answers/table.html"

    columns = text_list(_("Colonne"), _("Colonnes"), max_length=100, min_num=1)

    def form_field(self, value, *, required, extra_rows=1, **options):
        return answer_fields.TableField(
            columns=list_texts(value["columns"]),
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

    def answer_data(self, value, name, answer):
        """`answer` is the rows, each a list of cells in the columns' order."""
        width = len(list_items(value["columns"]))
        data = {f"{name}-rows": str(len(answer))}
        for row, cells in enumerate(answer):
            for column in range(width):
                data[f"{name}-{row}-{column}"] = (
                    cells[column] if column < len(cells) else ""
                )
        return data

    def example_answer(self, value, texts):
        pairs = [texts.cells(column) for column in list_texts(value["columns"])]
        return [
            [first for first, _second in pairs],
            [second for _first, second in pairs],
        ]

    class Meta:
        icon = "table"
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

    def answer_data(self, value, name, answer):
        return None  # a file is uploaded, not posted as text

    class Meta:
        icon = "doc-full-inverse"
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


def questionnaire_body_blocks():
    """A questionnaire's blocks (`questionnaires`): a phase's, without the file
    upload. Its answers are anonymous and kept for the statistics: nothing in
    them should name or show the person, and a file could."""
    return [
        (name, block)
        for name, block in phase_body_blocks()
        if name != FileUploadBlock.type_name
    ]
