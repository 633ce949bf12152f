"""French elision before a name: « Bilan d'Inès Bonnet », « Bilan de Zoé Martin »."""

from django import template

register = template.Library()

# A name starting with a vowel or a mute h elides « de » (« d'Hugo »); first names
# with an aspirated h are rare enough to be left to this rule.
ELIDING = set("aeiouyhàâäéèêëîïôöùûüÿæœ")


def of_name(name):
    """« de Zoé Martin », « d'Inès Bonnet »."""
    text = str(name)
    return f"d'{text}" if text[:1].lower() in ELIDING else f"de {text}"


@register.filter(name="de")
def de(name):
    """`{% blocktranslate with name=candidate|de %}Bilan {{ name }}…`"""
    return of_name(name)
