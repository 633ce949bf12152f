"""The « Votre accord pour ce bilan » page and its default text.

Installed once under the home page; the référents rewrite it in the CMS
afterwards, and this never overwrites their version. The durations data is kept
are not in this text: the page shows them from the settings, below it.
"""

from django.db import transaction

from home.models import HomePage

from ..models import ConsentPage

TITLE = "Votre accord pour ce bilan"
SLUG = "votre-accord"

# What Code du travail L6313-4 and R6313-4 require the candidate to know before
# consenting (Qualiopi indicator 9 checks that they were told).
DEFAULT_TEXT = """\
<p>Avant de commencer, prenez le temps de lire ces informations : elles \
décrivent ce que vous allez faire pendant votre bilan de compétences et ce à quoi \
nous nous engageons envers vous.</p>
<h2>À quoi sert un bilan de compétences</h2>
<p>Le bilan de compétences vous permet d'analyser vos compétences \
professionnelles et personnelles, vos aptitudes et vos motivations, afin de \
définir un projet professionnel et, le cas échéant, un projet de formation \
(article L6313-4 du Code du travail). Il ne peut être réalisé qu'avec votre \
accord.</p>
<h2>Les trois temps du bilan</h2>
<p>Votre bilan se déroule en trois temps (article R6313-4 du Code du \
travail) :</p>
<ol>
<li><b>La phase préliminaire</b> : analyser votre demande et vos besoins, \
choisir le déroulement le mieux adapté à votre situation et en convenir avec \
votre conseiller.</li>
<li><b>La phase d'investigation</b> : construire votre projet professionnel et \
en vérifier la pertinence, ou élaborer une ou plusieurs autres pistes. Les phases \
que vous remplissez sur ce site servent ce travail.</li>
<li><b>La phase de conclusions</b> : au cours d'entretiens personnels avec votre \
conseiller, vous approprier les résultats, recenser les conditions et les moyens \
de réaliser votre projet et en prévoir les principales étapes.</li>
</ol>
<h2>Confidentialité et secret professionnel</h2>
<p>Seules vous sont demandées les informations qui ont un lien direct et \
nécessaire avec l'objet de votre bilan. Votre conseiller, comme toute personne \
qui participe à sa réalisation, est tenu au secret professionnel sur ce que vous \
lui confiez (articles 226-13 et 226-14 du Code pénal).</p>
<h2>Les résultats vous sont réservés</h2>
<p>Vous êtes le seul destinataire des résultats détaillés de votre bilan et du \
document de synthèse que votre conseiller rédige à sa fin. Ils ne sont \
communiqués à personne d'autre, votre employeur compris, sans votre accord. \
L'académie voit l'avancement de votre bilan, jamais le contenu de vos \
réponses.</p>
<h2>Vous êtes libre de refuser</h2>
<p>Refuser de donner votre accord n'a aucune conséquence pour vous : ce n'est ni \
une faute ni un motif de sanction. Si vous hésitez ou avez une question, parlez-en \
à votre conseiller avant de continuer.</p>
"""


@transaction.atomic
def install_consent_page():
    """Create and publish the consent page under the home page, unless one exists.

    Returns the consent page (the existing one, untouched, if there is one), or
    None on a site without a home page.
    """
    page = ConsentPage.objects.first()
    if page is not None:
        return page
    home = HomePage.objects.first()
    if home is None:
        return None
    page = ConsentPage(title=TITLE, slug=SLUG, body=DEFAULT_TEXT, show_in_menus=False)
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
