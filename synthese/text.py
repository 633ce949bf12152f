"""Plain text in, plain text out: what the conseiller and the candidate type is
never HTML.

`text_to_html` keeps the two structures people type in a text area, paragraphs
(a blank line between them) and lists (lines starting with "- ", or "1. "), and
escapes everything else, so that the page and the PDF show what was typed and
never run it. `answer_text` turns an answer as the phases display it into such
plain text, for a quotation the conseiller reworks.
"""

import re
from html.parser import HTMLParser

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

BULLET = re.compile(r"^\s*[-–•*]\s+(?P<item>.*)$")
NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+(?P<item>.*)$")


def normalise(text):
    """Unix line ends, no trailing spaces, no run of more than one blank line."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _runs(lines):
    """Consecutive lines grouped as ("ul" | "ol" | "p", [texts])."""
    runs = []
    for line in lines:
        kind, text = "p", line.strip()
        for list_kind, pattern in (("ul", BULLET), ("ol", NUMBERED)):
            match = pattern.match(line)
            if match:
                kind, text = list_kind, match["item"]
                break
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(text)
        else:
            runs.append((kind, [text]))
    return runs


def text_to_html(text):
    """Safe HTML for typed text: <p> per paragraph, <ul>/<ol> per list, every
    character escaped."""
    parts = []
    for block in re.split(r"\n\s*\n", normalise(text)):
        lines = [line for line in block.split("\n") if line.strip()]
        for kind, texts in _runs(lines):
            if kind == "p":
                parts.append("<p>" + "<br>".join(escape(t) for t in texts) + "</p>")
            else:
                items = "".join(f"<li>{escape(t)}</li>" for t in texts)
                parts.append(f"<{kind}>{items}</{kind}>")
    return mark_safe("\n".join(parts))  # noqa: S308 -- every piece escaped above


class _AnswerReader(HTMLParser):
    """Reads the HTML of a displayed answer back into plain text lines.

    It knows only the few elements the answer templates use (paragraphs, line
    breaks, lists, tables, links), not the block types: each answer type keeps
    deciding how it displays, and its quotation follows.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []  # lists of lines, separated by blank lines
        self.line = []
        self.list_kinds = []
        self.counters = []
        self.in_caption = False
        self.in_head = False
        self.headers = []
        self.row = None
        self.cell = None
        self.cell_is_header = False

    # --- helpers -------------------------------------------------------------
    def _flush_line(self):
        text = " ".join("".join(self.line).split())
        self.line = []
        if text:
            if not self.blocks:
                self.blocks.append([])
            self.blocks[-1].append(text)

    def _new_block(self):
        self._flush_line()
        if not self.blocks or self.blocks[-1]:
            self.blocks.append([])

    # --- parser callbacks -----------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if tag in ("p", "div", "table"):
            self._new_block()
        elif tag == "br":
            self._flush_line()
        elif tag in ("ul", "ol"):
            self._new_block()
            self.list_kinds.append(tag)
            self.counters.append(0)
        elif tag == "li":
            self._flush_line()
            if self.counters:
                self.counters[-1] += 1
            marker = "-"
            if self.list_kinds and self.list_kinds[-1] == "ol":
                marker = f"{self.counters[-1]}."
            self.line.append(marker + " ")
        elif tag == "caption":
            self.in_caption = True
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = []
            self.cell_is_header = tag == "th"

    def handle_endtag(self, tag):
        if tag in ("p", "div", "li"):
            self._flush_line()
        elif tag in ("ul", "ol"):
            self._flush_line()
            if self.list_kinds:
                self.list_kinds.pop()
                self.counters.pop()
            self._new_block()
        elif tag == "caption":
            self.in_caption = False
        elif tag == "thead":
            self.in_head = False
        elif tag in ("td", "th") and self.cell is not None:
            text = " ".join("".join(self.cell).split())
            self.row.append((text, self.cell_is_header))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self._end_row(self.row)
            self.row = None
        elif tag == "table":
            self._new_block()

    def _end_row(self, row):
        if self.in_head:
            self.headers = [text for text, _header in row]
            return
        if row and row[0][1]:  # a row heading: "statement : answer"
            rest = " ; ".join(text for text, _h in row[1:] if text)
            line = f"{row[0][0]} : {rest}" if rest else row[0][0]
        elif self.headers and len(self.headers) == len(row):
            line = " ; ".join(
                f"{header} : {text}"
                for header, (text, _h) in zip(self.headers, row, strict=True)
                if text
            )
        else:
            line = " ; ".join(text for text, _h in row if text)
        if line:
            self._flush_line()
            self.line.append(f"- {line}")
            self._flush_line()

    def handle_data(self, data):
        if self.in_caption:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.row is None:
            self.line.append(data)

    def text(self):
        self._flush_line()
        return "\n\n".join("\n".join(lines) for lines in self.blocks if lines)


def answer_text(answer_html):
    """The plain text of an answer as the phases display it."""
    reader = _AnswerReader()
    reader.feed(str(answer_html))
    reader.close()
    return reader.text()


def quotation(phase_title, question, answer):
    """The quotation "Insérer dans la synthèse" adds: where the answer comes
    from, then the answer, in guillemets when it is a single paragraph."""
    answer = normalise(answer)
    single = "\n" not in answer and not BULLET.match(answer)
    body = f"« {answer} »" if single else answer
    source = _("Réponse du candidat à « %(question)s » (phase « %(phase)s ») :") % {
        "question": question,
        "phase": phase_title,
    }
    return f"{source}\n{body}"
