"""Initial content of the site's legal pages (accessibility, legal notice, data).

Plain data: one dict per page (slug, title, HTML intro, body of heading /
paragraph / callout blocks). Text in square brackets is a placeholder the
académie operating the site must complete before going live.
"""

SITE_PAGES = [
    {
        "slug": "accessibilite",
        "title": "Déclaration d'accessibilité",
        "intro": (
            "<p>L'académie de [nom de l'académie, à compléter] s'engage à rendre ses "
            "sites internet, intranet et extranet et ses applications accessibles, "
            "conformément à l'article 47 de la loi n° 2005-102 du 11 février "
            "2005.</p><p>Cette déclaration d'accessibilité s'applique au site Mon "
            "Bilan en Ligne.</p>"
        ),
        "body": [
            (
                "callout",
                {
                    "title": "À compléter avant la mise en ligne",
                    "text": (
                        "<p>Les éléments entre crochets sont à compléter par "
                        "l'académie qui exploite le site. Le schéma pluriannuel de "
                        "mise en accessibilité et le plan d'action de l'année en cours "
                        "sont ceux de l'académie : ajoutez ici le lien vers leur "
                        "publication.</p>"
                    ),
                },
            ),
            ("heading", {"text": "État de conformité", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Le site Mon Bilan en Ligne est <b>non conforme</b> avec le "
                    "référentiel général d'amélioration de l'accessibilité (RGAA), "
                    "version 4.1.2 : <b>aucun audit de conformité n'a encore été "
                    "réalisé</b>, et le RGAA demande de déclarer un site non audité "
                    "« non conforme ». Le site "
                    "a été conçu avec le Système de design de l'État (DSFR), dont les "
                    "composants sont conçus pour respecter les exigences "
                    "d'accessibilité, mais l'utilisation de ces composants ne garantit "
                    "pas à elle seule la conformité du site. Un audit RGAA sera mené ; "
                    "cette déclaration sera alors mise à jour avec ses résultats.</p>"
                ),
            ),
            ("heading", {"text": "Résultats des tests", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>En l'absence d'audit, aucun taux de conformité ne peut être "
                    "publié à ce jour.</p>"
                ),
            ),
            ("heading", {"text": "Contenus non accessibles", "level": "h2"}),
            ("heading", {"text": "Non-conformités", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Aucun contenu non accessible n'est connu à ce jour. Faute "
                    "d'audit, cette liste ne peut pas être considérée comme exhaustive "
                    ": si vous rencontrez une difficulté, signalez-la (voir la "
                    "rubrique « Retour d'information et contact »).</p>"
                ),
            ),
            (
                "heading",
                {"text": "Dérogations pour charge disproportionnée", "level": "h3"},
            ),
            ("paragraph", "<p>Aucune dérogation n'est invoquée.</p>"),
            (
                "heading",
                {
                    "text": "Contenus non soumis à l'obligation d'accessibilité",
                    "level": "h3",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Les documents déposés par les utilisateurs eux-mêmes, par "
                    "exemple un CV, ne relèvent pas du contrôle de l'académie. Si un "
                    "document transmis par votre conseiller ne vous est pas "
                    "accessible, demandez-lui une version adaptée.</p>"
                ),
            ),
            ("heading", {"text": "Établissement de cette déclaration", "level": "h2"}),
            (
                "paragraph",
                "<p>Cette déclaration a été établie le 30 novembre 2026.</p>",
            ),
            (
                "heading",
                {
                    "text": "Technologies utilisées pour la réalisation du site",
                    "level": "h3",
                },
            ),
            (
                "paragraph",
                (
                    "<ul><li>HTML5</li><li>CSS</li><li>JavaScript</li><li>Système de "
                    "design de l'État (DSFR)</li></ul>"
                ),
            ),
            ("heading", {"text": "Environnement de test", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Les combinaisons de navigateurs et de technologies "
                    "d'assistance utilisées, ainsi que les pages vérifiées, seront "
                    "précisées à l'issue de l'audit.</p>"
                ),
            ),
            ("heading", {"text": "Retour d'information et contact", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service "
                    "de ce site, vous pouvez nous le signaler : nous vous orienterons "
                    "vers une alternative accessible ou vous transmettrons le contenu "
                    "sous une autre forme.</p><ul><li>Si vous êtes accompagné(e) dans "
                    "un bilan, écrivez à votre conseiller depuis la messagerie de "
                    "votre tableau de bord.</li><li>Écrivez à l'adresse électronique : "
                    "[adresse de contact à compléter].</li><li>Écrivez par courrier à "
                    ": [adresse postale du centre de bilan à compléter].</li></ul>"
                ),
            ),
            ("heading", {"text": "Voies de recours", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Cette procédure est à utiliser dans le cas suivant : vous avez "
                    "signalé au responsable du site un défaut d'accessibilité qui vous "
                    "empêche d'accéder à un contenu ou à l'un des services, et vous "
                    "n'avez pas obtenu de réponse satisfaisante.</p><p>Vous pouvez "
                    "alors saisir le Défenseur des droits :</p><ul><li>en lui écrivant "
                    "par le <a "
                    'href="https://formulaire.defenseurdesdroits.fr/">formulaire en '
                    "ligne</a> ;</li><li>en contactant le délégué du Défenseur des "
                    "droits de votre région (coordonnées sur le <a "
                    'href="https://www.defenseurdesdroits.fr/">site du Défenseur des '
                    "droits</a>) ;</li><li>en lui envoyant un courrier, gratuit et "
                    "sans affranchissement, à l'adresse : Défenseur des droits, Libre "
                    "réponse 71120, 75342 Paris CEDEX 07.</li></ul>"
                ),
            ),
        ],
    },
    {
        "slug": "mentions-legales",
        "title": "Mentions légales",
        "intro": (
            "<p>Cette page présente les informations légales relatives au site Mon "
            "Bilan en Ligne, conformément à la loi n° 2004-575 du 21 juin 2004 pour la "
            "confiance dans l'économie numérique.</p>"
        ),
        "body": [
            (
                "callout",
                {
                    "title": "À compléter avant la mise en ligne",
                    "text": (
                        "<p>Les éléments entre crochets sont à compléter par "
                        "l'académie qui exploite le site.</p>"
                    ),
                },
            ),
            ("heading", {"text": "Éditeur du site", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Le site Mon Bilan en Ligne est édité par l'académie de [nom de "
                    "l'académie, à compléter], pour le compte de [nom de la structure "
                    ": centre de bilan de l'Éducation nationale (CBEN), dispositif "
                    "académique de validation des acquis (DAVA)…, à "
                    "compléter].</p><ul><li>Adresse : [adresse postale, à "
                    "compléter]</li><li>Téléphone : [numéro, à "
                    "compléter]</li><li>Courriel : [adresse électronique, à "
                    "compléter]</li></ul>"
                ),
            ),
            (
                "heading",
                {"text": "Directeur ou directrice de la publication", "level": "h3"},
            ),
            (
                "paragraph",
                (
                    "<p>[Nom et fonction, à compléter : en règle générale, le recteur "
                    "ou la rectrice de l'académie, ou la personne à qui il ou elle a "
                    "délégué cette responsabilité.]</p>"
                ),
            ),
            ("heading", {"text": "Hébergement", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Le site est hébergé par : [nom ou raison sociale de "
                    "l'hébergeur, adresse postale et numéro de téléphone, à "
                    "compléter].</p>"
                ),
            ),
            ("heading", {"text": "Système de design de l'État", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Ce site utilise le Système de design de l'État (DSFR). Le code "
                    "du DSFR est diffusé sous licence MIT ; en revanche, l'utilisation "
                    "du DSFR, de la Marque de l'État et de la police Marianne est "
                    "réservée exclusivement aux sites internet et services numériques "
                    "des services de l'État.</p><p>Un organisme qui ne relève pas des "
                    "services de l'État et qui réutiliserait ce site doit en retirer "
                    "le DSFR, la Marque de l'État et la police Marianne.</p>"
                ),
            ),
            (
                "heading",
                {"text": "Accessibilité et données personnelles", "level": "h2"},
            ),
            (
                "paragraph",
                (
                    '<p>Consultez la <a href="/accessibilite/">déclaration '
                    "d'accessibilité</a> du site et la page <a "
                    'href="/donnees-personnelles/">Données personnelles</a>, qui '
                    "explique comment vos données sont traitées et comment exercer vos "
                    "droits.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "donnees-personnelles",
        "title": "Données personnelles",
        "intro": (
            "<p>Mon Bilan en Ligne traite des données personnelles pour permettre la "
            "conduite de votre bilan de compétences. Cette page vous explique quelles "
            "données sont traitées, pourquoi, pendant combien de temps, qui peut y "
            "accéder et comment exercer vos droits, conformément au règlement général "
            "sur la protection des données (RGPD) et à la loi n° 78-17 du 6 janvier "
            "1978 relative à l'informatique, aux fichiers et aux libertés.</p>"
        ),
        "body": [
            (
                "callout",
                {
                    "title": "À compléter avant la mise en ligne",
                    "text": (
                        "<p>Les éléments entre crochets sont à compléter par "
                        "l'académie. La base légale et les durées de conservation "
                        "indiquées ci-dessous sont des propositions, à confirmer par "
                        "le délégué à la protection des données (DPO) académique.</p>"
                    ),
                },
            ),
            (
                "callout",
                {
                    "title": "Vos réponses sont confidentielles",
                    "text": (
                        "<p>Seuls vous et votre conseiller avez accès à vos réponses, "
                        "à vos documents et à vos échanges. Les résultats de votre "
                        "bilan ne peuvent être communiqués à un tiers qu'avec votre "
                        "accord.</p>"
                    ),
                },
            ),
            ("heading", {"text": "Responsable du traitement", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Le responsable du traitement est l'académie de [nom de "
                    "l'académie, à compléter], représentée par [le recteur ou la "
                    "rectrice de l'académie, à compléter], [adresse du rectorat, à "
                    "compléter].</p>"
                ),
            ),
            ("heading", {"text": "Finalité du traitement", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Vos données sont traitées pour la conduite de votre bilan de "
                    "compétences, c'est-à-dire pour :</p><ul><li>créer et gérer votre "
                    "compte ;</li><li>vous permettre de remplir les phases de votre "
                    "bilan et de déposer des documents ;</li><li>permettre à votre "
                    "conseiller de suivre votre progression, de commenter vos réponses "
                    "et de valider les phases ;</li><li>permettre les échanges entre "
                    "vous et votre conseiller, et vous envoyer les notifications "
                    "correspondantes par courriel ;</li><li>produire des statistiques "
                    "d'activité des centres de bilan, qui ne contiennent jamais le "
                    "contenu de vos réponses ;</li><li>assurer la sécurité du "
                    "site.</li></ul>"
                ),
            ),
            ("heading", {"text": "Base légale", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Le traitement est nécessaire à l'exécution d'une mission "
                    "d'intérêt public dont est investie l'académie au titre de la "
                    "formation continue des adultes (article 6, paragraphe 1, point e, "
                    "du RGPD).</p><p>Par ailleurs, un bilan de compétences ne peut "
                    "être réalisé qu'avec votre consentement (article L6313-4 du Code "
                    "du travail) : ce consentement porte sur la démarche de bilan "
                    "elle-même.</p>"
                ),
            ),
            ("heading", {"text": "Données collectées", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li><b>Données d'identification</b> : nom, prénom, "
                    "identifiant de connexion, adresse électronique et, si vous en "
                    "ajoutez une, photo de profil ;</li><li><b>Données relatives à "
                    "votre bilan</b> : centre de bilan, conseiller, modalité, phases "
                    "choisies, dates, état d'avancement ;</li><li><b>Vos réponses</b> "
                    "aux questionnaires des phases et les documents que vous déposez, "
                    "par exemple votre CV ;</li><li><b>Vos échanges</b> avec votre "
                    "conseiller : commentaires et messages ;</li><li><b>Données "
                    "techniques de connexion</b> (dates de connexion, adresse IP), "
                    "utilisées pour la sécurité du site.</li></ul><p>Les informations "
                    "demandées présentent un lien direct et nécessaire avec l'objet du "
                    "bilan (article L6313-4 du Code du travail). Ne communiquez pas "
                    "d'informations relatives à votre santé ou d'autres données "
                    "sensibles, sauf si vous jugez qu'elles sont utiles à votre "
                    "bilan.</p>"
                ),
            ),
            ("heading", {"text": "Durée de conservation", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Conformément à l'article R6313-7 du Code du travail, les "
                    "documents élaborés pour la réalisation de votre bilan (réponses, "
                    "documents déposés, commentaires et messages) sont détruits au "
                    "terme du bilan. Ils peuvent être conservés pendant un an au plus "
                    "après la fin du bilan si vous en donnez votre accord écrit, afin "
                    "de permettre le suivi de votre situation, par exemple lors d'un "
                    "entretien de suivi.</p><p>Durée proposée, à confirmer par le DPO "
                    ": si vous avez donné cet accord, vos données sont supprimées au "
                    "plus tard un an après la fin de votre bilan ; à défaut, elles "
                    "sont supprimées à la fin du bilan. Votre compte est supprimé en "
                    "même temps que vos données. Les données techniques de connexion "
                    "sont conservées un an au plus.</p>"
                ),
            ),
            ("heading", {"text": "Destinataires", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li>Vos réponses, vos documents, les commentaires et les "
                    "messages sont accessibles uniquement à vous et à votre "
                    "conseiller.</li><li>Les administrateurs académiques voient "
                    "l'avancement de votre bilan (centre, conseiller, modalité, phases "
                    "sélectionnées et terminées), mais jamais le contenu de vos "
                    "réponses.</li><li>L'hébergeur du site intervient en qualité de "
                    "sous-traitant technique, sans accès au contenu de votre bilan "
                    "pour son propre compte.</li></ul><p>Les résultats détaillés et le "
                    "document de synthèse de votre bilan ne peuvent être communiqués à "
                    "une autre personne, y compris votre employeur ou l'organisme qui "
                    "finance le bilan, qu'avec votre accord (article L6313-4 du Code "
                    "du travail). Les personnes chargées de réaliser votre bilan sont "
                    "tenues au secret professionnel.</p>"
                ),
            ),
            ("heading", {"text": "Vos droits", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Vous disposez des droits suivants sur vos données "
                    ":</p><ul><li>droit d'accès ;</li><li>droit de rectification "
                    ";</li><li>droit à l'effacement ;</li><li>droit à la limitation du "
                    "traitement ;</li><li>droit d'opposition.</li></ul><p>Vous pouvez "
                    "également définir des directives relatives au sort de vos données "
                    "après votre décès. Vos nom, prénom, adresse électronique et photo "
                    "de profil peuvent être modifiés directement depuis la page « Mon "
                    "compte ».</p>"
                ),
            ),
            (
                "heading",
                {
                    "text": "Contacter le délégué à la protection des données",
                    "level": "h3",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Pour exercer vos droits ou pour toute question sur le "
                    "traitement de vos données, contactez le délégué à la protection "
                    "des données (DPO) de l'académie :</p><ul><li>par courriel : "
                    "[adresse électronique du DPO académique, à compléter] "
                    ";</li><li>par courrier : Délégué à la protection des données, "
                    "rectorat de l'académie de [nom de l'académie], [adresse, à "
                    "compléter].</li></ul><p>Une réponse vous sera apportée dans un "
                    "délai d'un mois, qui peut être prolongé de deux mois en cas de "
                    "demande complexe ; vous en serez alors informé(e).</p>"
                ),
            ),
            ("heading", {"text": "Réclamation auprès de la CNIL", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Si vous estimez, après nous avoir contactés, que vos droits ne "
                    "sont pas respectés, vous pouvez adresser une réclamation à la "
                    "Commission nationale de l'informatique et des libertés (CNIL), en "
                    'ligne sur <a href="https://www.cnil.fr/fr/plaintes">cnil.fr</a> '
                    "ou par courrier : CNIL, 3 place de Fontenoy, TSA 80715, 75334 "
                    "Paris Cedex 07.</p>"
                ),
            ),
            ("heading", {"text": "Cookies", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Ce site dépose uniquement les cookies strictement nécessaires "
                    "à son fonctionnement : maintien de votre session de connexion et "
                    "protection des formulaires. Ces cookies ne nécessitent pas votre "
                    "consentement. Aucun cookie publicitaire ni de mesure d'audience "
                    "n'est utilisé.</p>"
                ),
            ),
        ],
    },
]
