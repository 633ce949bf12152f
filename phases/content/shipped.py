"""Initial content of the ten phases of the bilan de compétences.

Plain data, read by the setup code that creates the phase pages: for each phase
title, an introduction (HTML) and a body made of (block type, value) pairs, the
block types being those of ``phases.questions.blocks`` and ``home.blocks``. The
texts are the shipped defaults; conseillers référents edit them afterwards in the
admin.
"""

PHASE_CONTENT = {
    "Contexte de la demande": {
        "intro": (
            "<p>Bienvenue dans votre bilan de compétences. Cette première phase permet "
            "de faire connaissance et de poser le cadre : votre situation actuelle, ce "
            "qui vous amène à entreprendre cette démarche et ce que vous en "
            "attendez.</p><p>Vos réponses aideront votre conseiller à adapter le "
            "déroulement du bilan à votre demande. Elles pourront évoluer : c'est "
            "normal, le bilan est un cheminement.</p>"
        ),
        "body": [
            (
                "callout",
                {
                    "title": "Comment remplir ce formulaire",
                    "text": (
                        "<p>Il n'y a ni bonne ni mauvaise réponse : écrivez avec vos "
                        "mots, aussi librement que possible. Seules les questions "
                        "marquées comme obligatoires doivent être renseignées pour "
                        "terminer la phase.</p><ul><li>Vos réponses sont enregistrées "
                        "au fil de la saisie ; vous pouvez aussi cliquer sur <b>« "
                        "Enregistrer »</b> à tout moment et revenir plus "
                        "tard.</li><li>Lorsque vous avez fini, cliquez sur <b>« J'ai "
                        "terminé cette phase »</b> : votre conseiller en est "
                        "averti.</li><li>Votre conseiller peut commenter chacune de "
                        "vos réponses ; ses commentaires s'affichent à côté de la "
                        "question.</li></ul>"
                    ),
                },
            ),
            (
                "callout",
                {
                    "title": "Une démarche confidentielle",
                    "text": (
                        "<p>Vos réponses ne sont lues que par votre conseiller. Les "
                        "résultats de votre bilan ne peuvent être communiqués à une "
                        "autre personne, y compris votre employeur, qu'avec votre "
                        "accord (article L6313-4 du Code du travail).</p>"
                    ),
                },
            ),
            ("heading", {"text": "Votre situation actuelle", "level": "h2"}),
            (
                "single_choice",
                {
                    "label": "Quelle est votre situation professionnelle actuelle ?",
                    "help_text": "",
                    "required": True,
                    "choices": [
                        "Salarié(e) du secteur privé en CDI",
                        "Salarié(e) en CDD, en intérim ou en contrat aidé",
                        "Agent public titulaire (fonctionnaire)",
                        "Agent public contractuel",
                        "Demandeur(se) d'emploi inscrit(e) à France Travail",
                        (
                            "Travailleur(se) indépendant(e), profession libérale ou "
                            "chef(fe) d'entreprise"
                        ),
                        (
                            "En congé ou en disponibilité (congé parental, congé de "
                            "formation, disponibilité…)"
                        ),
                        "Autre situation",
                    ],
                },
            ),
            (
                "short_text",
                {
                    "label": (
                        "Quels sont votre employeur et votre fonction actuels (ou les "
                        "derniers que vous avez occupés) ?"
                    ),
                    "help_text": (
                        "Par exemple : « Lycée professionnel Jean-Moulin — "
                        "gestionnaire » ou « Entreprise de transport — agent "
                        "d'exploitation »."
                    ),
                    "required": False,
                },
            ),
            (
                "number",
                {
                    "label": "Depuis combien d'années occupez-vous cette fonction ?",
                    "help_text": (
                        "Indiquez un nombre d'années entier ; 0 si c'est depuis moins "
                        "d'un an."
                    ),
                    "required": False,
                    "min_value": 0,
                    "max_value": 50,
                },
            ),
            ("heading", {"text": "Votre demande", "level": "h2"}),
            (
                "long_text",
                {
                    "label": (
                        "Qu'est-ce qui vous amène aujourd'hui à faire un bilan de "
                        "compétences ?"
                    ),
                    "help_text": (
                        "Décrivez l'événement, la situation ou la réflexion qui a "
                        "déclenché votre démarche, et pourquoi maintenant."
                    ),
                    "required": True,
                },
            ),
            (
                "multiple_choice",
                {
                    "label": "Quelles sont vos principales motivations ?",
                    "help_text": "Cochez toutes les réponses qui vous correspondent.",
                    "required": False,
                    "choices": [
                        "Faire le point sur mes compétences et mes aptitudes",
                        "Évoluer dans mon métier ou prendre des responsabilités",
                        "Envisager une reconversion professionnelle",
                        "Retrouver du sens ou de la motivation dans mon travail",
                        "Préparer un retour à l'emploi",
                        "Construire un projet de formation ou de VAE",
                        (
                            "Préparer un concours ou une mobilité dans la fonction "
                            "publique"
                        ),
                        (
                            "Faire face à un changement subi (réorganisation, "
                            "licenciement, inaptitude…)"
                        ),
                        "Créer ou reprendre une activité",
                        "Autre motivation",
                    ],
                },
            ),
            (
                "long_text",
                {
                    "label": "Qu'attendez-vous concrètement de ce bilan ?",
                    "help_text": (
                        "Complétez par exemple la phrase : « À la fin de mon bilan, "
                        "j'aimerais… »."
                    ),
                    "required": True,
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Avez-vous déjà une ou plusieurs idées de projet, même vagues ?"
                    ),
                    "help_text": (
                        "Notez tout ce qui vous vient à l'esprit, sans vous censurer : "
                        "ces idées seront explorées plus tard."
                    ),
                    "required": False,
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Quelles contraintes devons-nous prendre en compte pendant "
                        "votre bilan et pour votre projet ?"
                    ),
                    "help_text": (
                        "Disponibilités, situation familiale, mobilité, financement… "
                        "Vous n'avez pas à mentionner d'informations sur votre santé ; "
                        "faites-le seulement si cela vous semble utile à votre bilan."
                    ),
                    "required": False,
                },
            ),
            (
                "dropdown",
                {
                    "label": (
                        "Comment avez-vous connu le bilan de compétences proposé par "
                        "notre centre ?"
                    ),
                    "help_text": "",
                    "required": False,
                    "choices": [
                        "Par mon employeur ou mon service des ressources humaines",
                        "Par un conseiller France Travail",
                        "Par un conseiller en évolution professionnelle (CEP)",
                        "Par la plateforme Mon Compte Formation (CPF)",
                        "Par le site internet de l'académie",
                        "Par le bouche-à-oreille (collègue, ami, famille)",
                        "Lors d'un salon ou d'une réunion d'information",
                        "Autre",
                    ],
                },
            ),
            (
                "yes_no",
                {
                    "label": (
                        "Avez-vous déjà réalisé un bilan de compétences ou été "
                        "accompagné(e) par un conseiller en évolution professionnelle "
                        "(CEP) ?"
                    ),
                    "help_text": (
                        "Si oui, vous pourrez en parler avec votre conseiller lors de "
                        "votre prochain entretien."
                    ),
                    "required": False,
                },
            ),
        ],
    },
    "Retour historique": {
        "intro": (
            "<p>Cette phase vous invite à retracer votre parcours : vos formations, "
            "vos expériences professionnelles et les activités que vous avez menées en "
            "dehors du travail.</p><p>Il ne s'agit pas de refaire votre CV, mais de "
            "regarder votre histoire avec du recul : ce que vous avez aimé, ce qui "
            "vous a moins convenu, les choix que vous avez faits. C'est souvent là "
            "qu'apparaissent les fils conducteurs de votre parcours.</p>"
        ),
        "body": [
            (
                "callout",
                {
                    "title": "Conseils pour remplir les tableaux",
                    "text": (
                        "<ul><li>Commencez par l'expérience la plus récente, puis "
                        "remontez le temps.</li><li>N'oubliez pas les emplois courts, "
                        "les stages, les emplois saisonniers, les remplacements et les "
                        "périodes d'interruption (congé parental, recherche "
                        "d'emploi…).</li><li>Les colonnes « Ce que j'ai aimé » et « Ce "
                        "que j'ai moins aimé » sont les plus précieuses pour la suite "
                        "du bilan : prenez le temps de les remplir.</li></ul>"
                    ),
                },
            ),
            ("heading", {"text": "Votre parcours professionnel", "level": "h2"}),
            (
                "table",
                {
                    "label": "Retracez votre parcours professionnel",
                    "help_text": "Ajoutez une ligne par poste ou par expérience.",
                    "required": True,
                    "columns": [
                        "Période",
                        "Employeur / établissement",
                        "Fonction",
                        "Missions principales",
                        "Ce que j'ai aimé",
                        "Ce que j'ai moins aimé",
                    ],
                },
            ),
            ("heading", {"text": "Votre parcours de formation", "level": "h2"}),
            (
                "dropdown",
                {
                    "label": "Quel est le niveau de votre diplôme le plus élevé ?",
                    "help_text": (
                        "Niveaux du cadre national des certifications professionnelles."
                    ),
                    "required": False,
                    "choices": [
                        "Aucun diplôme",
                        "CAP, BEP ou équivalent (niveau 3)",
                        "Baccalauréat ou équivalent (niveau 4)",
                        "Bac + 2 : BTS, DUT, DEUST… (niveau 5)",
                        "Bac + 3 ou + 4 : licence, BUT, maîtrise… (niveau 6)",
                        "Bac + 5 : master, diplôme d'ingénieur… (niveau 7)",
                        "Doctorat (niveau 8)",
                    ],
                },
            ),
            (
                "table",
                {
                    "label": "Retracez votre parcours de formation",
                    "help_text": (
                        "Formation initiale et formation continue : diplômes, titres "
                        "professionnels, certifications, formations courtes "
                        "marquantes."
                    ),
                    "required": False,
                    "columns": [
                        "Année(s)",
                        "Diplôme, titre ou formation",
                        "Établissement / organisme",
                        "Obtenu ? (oui, non, en cours)",
                        "Ce que j'en retiens",
                    ],
                },
            ),
            (
                "heading",
                {"text": "Vos expériences en dehors du travail", "level": "h2"},
            ),
            (
                "table",
                {
                    "label": (
                        "Quelles activités extra-professionnelles avez-vous menées ?"
                    ),
                    "help_text": (
                        "Bénévolat, vie associative, engagement syndical ou électif, "
                        "sport, activités artistiques, rôle d'aidant familial…"
                    ),
                    "required": False,
                    "columns": [
                        "Période",
                        "Activité",
                        "Rôle / responsabilités",
                        "Ce que cela m'a apporté",
                    ],
                },
            ),
            ("heading", {"text": "Avec le recul", "level": "h2"}),
            (
                "long_text",
                {
                    "label": "Quels ont été les moments clés de votre parcours ?",
                    "help_text": (
                        "Choix décisifs, rencontres, réussites, ruptures ou "
                        "difficultés : ce qui a compté et pourquoi."
                    ),
                    "required": True,
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Comment vos choix d'orientation et de carrière se sont-ils "
                        "faits ?"
                    ),
                    "help_text": (
                        "Par goût, par opportunité, sous la contrainte, sur les "
                        "conseils de quelqu'un… Qu'en pensez-vous aujourd'hui ?"
                    ),
                    "required": False,
                },
            ),
            (
                "long_text",
                {
                    "label": "Quel fil conducteur voyez-vous dans votre parcours ?",
                    "help_text": (
                        "Ce qui revient d'une expérience à l'autre : des activités, un "
                        "domaine, un public, une façon de travailler…"
                    ),
                    "required": False,
                },
            ),
            (
                "file_upload",
                {
                    "label": "Si vous le souhaitez, déposez votre CV",
                    "help_text": (
                        "Formats acceptés : PDF, Word (DOCX), OpenDocument (ODT), JPEG "
                        "ou PNG, 5 Mo au maximum. Il n'a pas besoin d'être à jour."
                    ),
                    "required": False,
                },
            ),
        ],
    },
    "Connaissance de soi 1 sur 3 : Valeurs relatives au travail": {
        "intro": (
            "<p>Nos valeurs sont ce qui compte vraiment pour nous dans le travail : "
            "elles donnent du sens à ce que nous faisons et sont une source "
            "essentielle de motivation. Lorsqu'un emploi les heurte, on ressent "
            "souvent de l'insatisfaction, de la lassitude, voire de la "
            "souffrance.</p><p>Identifier vos valeurs prioritaires vous permettra, "
            "plus tard dans le bilan, de vérifier que vos pistes de projet leur "
            "correspondent.</p>"
        ),
        "body": [
            (
                "callout",
                {
                    "title": "Comment classer les valeurs",
                    "text": (
                        "<p>Placez en haut la valeur qui vous importe le plus et en "
                        "bas celle qui vous importe le moins. Toutes peuvent vous "
                        "sembler importantes : c'est justement l'intérêt de "
                        "l'exercice, qui vous oblige à choisir. Fiez-vous à votre "
                        "première impression, puis relisez votre classement.</p>"
                    ),
                },
            ),
            ("heading", {"text": "Vos valeurs prioritaires", "level": "h2"}),
            (
                "ranking",
                {
                    "label": (
                        "Classez ces valeurs de la plus importante à la moins "
                        "importante pour vous dans le travail"
                    ),
                    "help_text": "",
                    "required": True,
                    "items": [
                        "Autonomie : organiser mon travail à ma façon",
                        "Sécurité de l'emploi : la stabilité du poste et des revenus",
                        "Reconnaissance : voir mon travail apprécié et valorisé",
                        (
                            "Utilité sociale : contribuer à l'intérêt général, aider "
                            "les autres"
                        ),
                        "Rémunération : bien gagner ma vie",
                        "Créativité : imaginer, concevoir, innover",
                        "Relations humaines : travailler avec les autres et pour eux",
                        "Équilibre entre vie professionnelle et vie personnelle",
                        "Responsabilités : décider, encadrer, piloter",
                        "Apprentissage : découvrir, me former, progresser",
                        "Variété : des tâches et des situations diversifiées",
                        "Éthique : agir en accord avec mes convictions",
                    ],
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Pour chacune de vos trois premières valeurs, expliquez ce "
                        "qu'elle signifie concrètement pour vous"
                    ),
                    "help_text": (
                        "Par exemple : « Pour moi, l'autonomie, c'est pouvoir "
                        "organiser ma journée sans devoir tout faire valider. »"
                    ),
                    "required": True,
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Une valeur importante pour vous ne figure-t-elle pas dans la "
                        "liste ?"
                    ),
                    "help_text": (
                        "Si c'est le cas, nommez-la et indiquez où vous la placeriez "
                        "dans votre classement."
                    ),
                    "required": False,
                },
            ),
            (
                "heading",
                {"text": "Vos valeurs à l'épreuve de votre expérience", "level": "h2"},
            ),
            (
                "long_text",
                {
                    "label": (
                        "Dans votre emploi actuel (ou le dernier), quelles valeurs "
                        "sont satisfaites et lesquelles ne le sont pas ?"
                    ),
                    "help_text": "",
                    "required": False,
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Décrivez une situation de travail où vous vous êtes senti(e) "
                        "pleinement en accord avec vos valeurs"
                    ),
                    "help_text": (
                        "Que faisiez-vous ? Avec qui ? Qu'est-ce qui rendait cette "
                        "situation satisfaisante ?"
                    ),
                    "required": False,
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "À l'inverse, décrivez une situation où vos valeurs ont été "
                        "mises à mal"
                    ),
                    "help_text": "Qu'avez-vous ressenti ? Comment avez-vous réagi ?",
                    "required": False,
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Si vous deviez renoncer en partie à l'une de vos valeurs pour "
                        "réaliser un projet, laquelle accepteriez-vous de mettre de "
                        "côté, et pourquoi ?"
                    ),
                    "help_text": "",
                    "required": False,
                },
            ),
        ],
    },
    "Connaissance de soi 2 sur 3 : Priorités de vie et conditions de travail": {
        "intro": (
            "<p>Un projet professionnel s'inscrit dans une vie tout entière. Cette "
            "phase vous aide à préciser la place que vous souhaitez donner au travail "
            "par rapport à vos autres priorités, et les conditions de travail dans "
            "lesquelles vous vous sentez bien.</p><p>Ces éléments serviront de "
            "critères concrets pour évaluer vos pistes de projet lors de l'étude de "
            "faisabilité.</p>"
        ),
        "body": [
            (
                "callout",
                {
                    "title": "Répondez pour aujourd'hui",
                    "text": (
                        "<p>Vos priorités évoluent au fil de la vie. Répondez en "
                        "pensant à votre situation actuelle et aux deux ou trois "
                        "années à venir, sans chercher à donner une image idéale de "
                        "vous-même.</p>"
                    ),
                },
            ),
            ("heading", {"text": "Vos priorités de vie", "level": "h2"}),
            (
                "likert",
                {
                    "label": (
                        "Quelle importance accordez-vous aujourd'hui à chacun de ces "
                        "domaines de votre vie ?"
                    ),
                    "help_text": "",
                    "required": True,
                    "statements": [
                        "Vie de famille et de couple",
                        "Santé et bien-être",
                        "Vie sociale et amicale",
                        "Loisirs, sport et culture",
                        "Engagement associatif, citoyen ou syndical",
                        "Développement personnel",
                        "Vie professionnelle et carrière",
                        "Sécurité financière",
                        "Rester dans ma région, près de mes proches",
                        "Mobilité géographique : pouvoir changer de région",
                    ],
                    "scale": [
                        "Pas important",
                        "Peu important",
                        "Important",
                        "Très important",
                    ],
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Comment souhaitez-vous que votre vie professionnelle "
                        "s'articule avec ces priorités dans les prochaines années ?"
                    ),
                    "help_text": "",
                    "required": False,
                },
            ),
            ("heading", {"text": "Vos conditions de travail", "level": "h2"}),
            (
                "likert",
                {
                    "label": (
                        "Comment considérez-vous chacune de ces conditions de travail ?"
                    ),
                    "help_text": "",
                    "required": True,
                    "statements": [
                        "Horaires réguliers, en journée",
                        "Horaires décalés, de nuit ou le week-end",
                        "Temps partiel",
                        "Télétravail une partie de la semaine",
                        "Travail en équipe",
                        "Travail en autonomie, seul(e)",
                        "Contact direct avec le public",
                        "Déplacements professionnels fréquents",
                        "Travail en extérieur",
                        "Travail de bureau, sur écran",
                        "Activité physique, port de charges",
                        "Rythme soutenu, travail dans l'urgence",
                        "Encadrement d'une équipe",
                        "Grande organisation (administration, grande entreprise)",
                        "Petite structure",
                    ],
                    "scale": [
                        "À éviter absolument",
                        "Plutôt à éviter",
                        "Indifférent",
                        "Souhaitable",
                        "Indispensable",
                    ],
                },
            ),
            (
                "dropdown",
                {
                    "label": "Quel temps de travail souhaitez-vous ?",
                    "help_text": "",
                    "required": False,
                    "choices": [
                        "Temps plein",
                        "Temps partiel",
                        "Peu importe",
                        "Je ne sais pas encore",
                    ],
                },
            ),
            (
                "single_choice",
                {
                    "label": (
                        "Jusqu'où êtes-vous prêt(e) à vous déplacer ou à déménager "
                        "pour un projet ?"
                    ),
                    "help_text": "",
                    "required": False,
                    "choices": [
                        "Je souhaite rester dans ma commune ou à proximité",
                        "Dans mon département",
                        "Dans ma région",
                        "Partout en France",
                        "En France ou à l'étranger",
                    ],
                },
            ),
            (
                "number",
                {
                    "label": (
                        "Quel temps de trajet domicile-travail acceptez-vous au "
                        "maximum, en minutes (aller simple) ?"
                    ),
                    "help_text": "",
                    "required": False,
                    "min_value": 0,
                    "max_value": 240,
                },
            ),
            (
                "short_text",
                {
                    "label": (
                        "Quelle rémunération minimale vous est nécessaire (en euros "
                        "nets par mois) ?"
                    ),
                    "help_text": (
                        "Un montant ou une fourchette suffit ; cette information sert "
                        "uniquement à vérifier la faisabilité de vos pistes."
                    ),
                    "required": False,
                },
            ),
            ("heading", {"text": "Les contraintes", "level": "h2"}),
            (
                "long_text",
                {
                    "label": (
                        "Quelles contraintes êtes-vous prêt(e) à accepter pour un "
                        "projet qui vous tient à cœur ?"
                    ),
                    "help_text": (
                        "Par exemple : une baisse temporaire de revenus, une formation "
                        "longue, des trajets plus longs, un déménagement…"
                    ),
                    "required": False,
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Quelles contraintes sont pour vous inacceptables, quel que "
                        "soit le projet ?"
                    ),
                    "help_text": "",
                    "required": True,
                },
            ),
        ],
    },
    "Connaissance de soi 3 sur 3 : Traits de personnalité": {
        "intro": (
            "<p>Votre personnalité, c'est votre manière habituelle d'être, d'agir et "
            "de réagir. La connaître vous aide à repérer les environnements et les "
            "métiers dans lesquels vous serez à l'aise, et à parler de vous avec "
            "justesse, par exemple en entretien de recrutement.</p><p>Il ne s'agit pas "
            "d'un test ni d'un jugement : aucun trait n'est bon ou mauvais en soi. "
            "Votre conseiller pourra compléter cette phase par d'autres outils lors "
            "d'un entretien.</p>"
        ),
        "body": [
            (
                "callout",
                {
                    "title": "Répondez spontanément",
                    "text": (
                        "<p>Pensez à la façon dont vous vous comportez le plus "
                        "souvent, au travail comme en dehors, et non à la façon dont "
                        "vous aimeriez être. Si vous hésitez, demandez-vous ce que "
                        "dirait de vous une personne qui vous connaît bien.</p>"
                    ),
                },
            ),
            ("heading", {"text": "Votre autoportrait", "level": "h2"}),
            (
                "likert",
                {
                    "label": (
                        "Dans quelle mesure chacun de ces adjectifs vous correspond-il "
                        "?"
                    ),
                    "help_text": "",
                    "required": True,
                    "statements": [
                        "Organisé(e)",
                        "Curieux(se)",
                        "Persévérant(e)",
                        "Sociable",
                        "Calme",
                        "Créatif(ve)",
                        "Rigoureux(se)",
                        "Autonome",
                        "À l'écoute",
                        "Diplomate",
                        "Dynamique",
                        "Adaptable",
                        "Réservé(e)",
                        "Sûr(e) de moi",
                        "Entraînant(e), meneur(se)",
                        "Patient(e)",
                        "Perfectionniste",
                        "Prudent(e)",
                    ],
                    "scale": [
                        "Pas du tout moi",
                        "Un peu moi",
                        "Assez moi",
                        "Tout à fait moi",
                    ],
                },
            ),
            (
                "single_choice",
                {
                    "label": "Face à une tâche nouvelle, vous avez plutôt tendance à…",
                    "help_text": "",
                    "required": False,
                    "choices": [
                        "Vous lancer rapidement et ajuster en cours de route",
                        (
                            "Prendre le temps de vous informer et de planifier avant "
                            "d'agir"
                        ),
                        "Demander conseil ou travailler avec d'autres",
                        "Cela dépend beaucoup de la situation",
                    ],
                },
            ),
            (
                "single_choice",
                {
                    "label": "Où puisez-vous le plus votre énergie au travail ?",
                    "help_text": "",
                    "required": False,
                    "choices": [
                        "Dans les échanges et le contact avec les autres",
                        "Dans les moments de concentration, seul(e)",
                        "Dans un équilibre entre les deux",
                    ],
                },
            ),
            ("heading", {"text": "Le regard des autres", "level": "h2"}),
            (
                "multiple_choice",
                {
                    "label": (
                        "Quelles qualités votre entourage vous reconnaît-il le plus "
                        "souvent ?"
                    ),
                    "help_text": (
                        "Collègues, responsables, proches : cochez de trois à cinq "
                        "qualités."
                    ),
                    "required": False,
                    "choices": [
                        "Fiabilité",
                        "Sens de l'organisation",
                        "Capacité d'écoute",
                        "Esprit d'initiative",
                        "Calme dans les situations difficiles",
                        "Pédagogie",
                        "Esprit d'équipe",
                        "Franchise",
                        "Disponibilité, générosité",
                        "Ténacité",
                        "Sens du détail",
                        "Capacité à convaincre",
                        "Ouverture d'esprit",
                        "Sens de l'humour",
                    ],
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Comment vos collègues ou vos responsables vous décrivent-ils ?"
                    ),
                    "help_text": (
                        "Pensez à vos entretiens professionnels ou annuels "
                        "d'évaluation, aux remarques que l'on vous a faites, aux "
                        "missions que l'on vous confie spontanément…"
                    ),
                    "required": True,
                },
            ),
            (
                "heading",
                {"text": "Vos forces et vos points de vigilance", "level": "h2"},
            ),
            (
                "long_text",
                {
                    "label": (
                        "Quels sont vos trois principaux points forts ? Illustrez "
                        "chacun par un exemple"
                    ),
                    "help_text": "",
                    "required": False,
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Quels traits de votre personnalité peuvent parfois vous "
                        "desservir ?"
                    ),
                    "help_text": "Comment les gérez-vous au quotidien ?",
                    "required": False,
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Dans quel environnement de travail vous sentez-vous le plus à "
                        "l'aise ? Et le moins à l'aise ?"
                    ),
                    "help_text": "",
                    "required": False,
                },
            ),
        ],
    },
    "Identification des compétences": {
        "intro": (
            "<p>Vous avez acquis de nombreuses compétences au cours de votre vie "
            "professionnelle, mais aussi dans votre formation, votre vie associative "
            "ou familiale. Cette phase vous aide à les identifier, à les nommer et à "
            "évaluer votre niveau de maîtrise.</p><p>Cet inventaire est la base de vos "
            "futurs projets : il montre ce que vous savez déjà faire, ce que vous "
            "pouvez transférer vers un autre métier et ce que vous aurez peut-être à "
            "acquérir.</p>"
        ),
        "body": [
            (
                "paragraph",
                (
                    "<p>On distingue généralement trois familles de compétences "
                    ":</p><ul><li><b>Les savoirs</b> : vos connaissances (une langue, "
                    "une réglementation, une discipline…) ;</li><li><b>Les "
                    "savoir-faire</b> : ce que vous savez faire concrètement (rédiger "
                    "un rapport, conduire un entretien, réparer un équipement…) "
                    ";</li><li><b>Les savoir-être professionnels</b> : vos façons "
                    "d'agir dans une situation de travail (rigueur, adaptabilité, sens "
                    "de la communication…).</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "title": "Astuce : partez de vos activités",
                    "text": (
                        "<p>Reprenez les missions notées dans votre retour historique "
                        "et demandez-vous, pour chacune : « Qu'est-ce que je sais "
                        "faire grâce à elle ? ». Formulez chaque compétence avec un "
                        "verbe d'action. Les fiches métiers ROME de France Travail "
                        "peuvent vous aider à trouver les mots justes.</p>"
                    ),
                },
            ),
            ("heading", {"text": "Votre inventaire de compétences", "level": "h2"}),
            (
                "table",
                {
                    "label": "Dressez l'inventaire de vos compétences",
                    "help_text": (
                        "Visez au moins une dizaine de lignes. Exemples : « accueillir "
                        "et orienter du public », « gérer un budget », « concevoir une "
                        "séquence de formation ». Niveau : débutant, intermédiaire, "
                        "confirmé ou expert."
                    ),
                    "required": True,
                    "columns": [
                        "Compétence",
                        "Contexte où je l'ai mise en œuvre",
                        "Niveau de maîtrise",
                        "Envie de la développer (oui, non, peut-être)",
                    ],
                },
            ),
            (
                "multiple_choice",
                {
                    "label": (
                        "Quelles compétences transférables, utiles dans de nombreux "
                        "métiers, maîtrisez-vous ?"
                    ),
                    "help_text": "",
                    "required": True,
                    "choices": [
                        "S'exprimer à l'oral : présenter, animer une réunion",
                        "Rédiger des écrits professionnels",
                        "Organiser et planifier le travail",
                        "Conduire un projet de bout en bout",
                        "Encadrer, animer ou coordonner une équipe",
                        "Former, transmettre, expliquer",
                        "Accueillir, conseiller et accompagner des personnes",
                        "Négocier, convaincre",
                        "Analyser une situation et résoudre des problèmes",
                        "Gérer un budget ou des données chiffrées",
                        (
                            "Utiliser les outils numériques : bureautique, logiciels "
                            "métiers"
                        ),
                        "Pratiquer une langue étrangère",
                        "Rechercher et synthétiser de l'information",
                        "Gérer des situations de tension ou de conflit",
                    ],
                },
            ),
            (
                "multiple_choice",
                {
                    "label": (
                        "Quels savoir-être professionnels mettez-vous en œuvre au "
                        "quotidien ?"
                    ),
                    "help_text": (
                        "Choisissez ceux que vous pourriez illustrer par un exemple "
                        "précis."
                    ),
                    "required": False,
                    "choices": [
                        "Autonomie",
                        "Capacité d'adaptation",
                        "Capacité à fédérer",
                        "Curiosité",
                        "Force de proposition",
                        "Gestion du stress",
                        "Persévérance",
                        "Prise de recul",
                        "Prise d'initiative",
                        "Réactivité",
                        "Rigueur",
                        "Sens de la communication",
                        "Sens de l'organisation",
                        "Travail en équipe",
                    ],
                },
            ),
            (
                "heading",
                {"text": "Trois réalisations dont vous êtes fier(e)", "level": "h2"},
            ),
            (
                "paragraph",
                (
                    "<p>Pour chaque réalisation, décrivez la situation de départ, ce "
                    "que vous avez fait concrètement, le résultat obtenu, puis les "
                    "compétences que vous avez mobilisées. Elle peut être "
                    "professionnelle ou personnelle.</p>"
                ),
            ),
            (
                "long_text",
                {
                    "label": "Première réalisation dont je suis fier(e)",
                    "help_text": (
                        "Situation, actions, résultat, compétences mobilisées."
                    ),
                    "required": True,
                },
            ),
            (
                "long_text",
                {
                    "label": "Deuxième réalisation dont je suis fier(e)",
                    "help_text": (
                        "Situation, actions, résultat, compétences mobilisées."
                    ),
                    "required": False,
                },
            ),
            (
                "long_text",
                {
                    "label": "Troisième réalisation dont je suis fier(e)",
                    "help_text": (
                        "Situation, actions, résultat, compétences mobilisées."
                    ),
                    "required": False,
                },
            ),
            ("heading", {"text": "Pour aller plus loin", "level": "h2"}),
            (
                "long_text",
                {
                    "label": (
                        "Quelles compétences avez-vous acquises en dehors du travail ?"
                    ),
                    "help_text": (
                        "Vie associative, responsabilités familiales, loisirs, mandats "
                        "électifs…"
                    ),
                    "required": False,
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Quelles compétences ne souhaitez-vous plus exercer, même si "
                        "vous les maîtrisez ?"
                    ),
                    "help_text": "",
                    "required": False,
                },
            ),
            (
                "yes_no",
                {
                    "label": (
                        "Pensez-vous qu'une partie de votre expérience pourrait être "
                        "reconnue par une validation des acquis de l'expérience (VAE) "
                        "?"
                    ),
                    "help_text": (
                        "La VAE permet d'obtenir tout ou partie d'un diplôme ou d'un "
                        "titre grâce à votre expérience. Le dispositif académique de "
                        "validation des acquis (DAVA) peut vous renseigner."
                    ),
                    "required": False,
                },
            ),
        ],
    },
    "De mes atouts à mes projets": {
        "intro": (
            "<p>Vous avez exploré vos valeurs, vos priorités, votre personnalité et "
            "vos compétences. Il est temps de rassembler ces éléments pour faire "
            "émerger des pistes de projet professionnel.</p><p>À ce stade, l'objectif "
            "est d'ouvrir les possibles plutôt que de choisir : la confrontation avec "
            "la réalité viendra dans les phases suivantes.</p>"
        ),
        "body": [
            (
                "callout",
                {
                    "title": "Osez !",
                    "text": (
                        "<p>Notez toutes les pistes qui vous attirent, même celles qui "
                        "vous semblent lointaines ou difficiles d'accès. Une idée "
                        "écartée trop vite peut contenir un élément précieux pour "
                        "votre projet. Pour découvrir des métiers proches de vos "
                        "centres d'intérêt, consultez les fiches métiers ROME de "
                        "France Travail ou celles de l'ONISEP.</p>"
                    ),
                },
            ),
            ("heading", {"text": "Vos atouts", "level": "h2"}),
            (
                "long_text",
                {
                    "label": (
                        "En relisant vos réponses aux phases précédentes, quels sont "
                        "vos principaux atouts ?"
                    ),
                    "help_text": (
                        "Résumez en quelques lignes vos valeurs essentielles, vos "
                        "compétences clés, vos traits de personnalité marquants et vos "
                        "conditions de travail idéales."
                    ),
                    "required": True,
                },
            ),
            ("heading", {"text": "Vos pistes de projet", "level": "h2"}),
            (
                "table",
                {
                    "label": "Quelles sont vos pistes de projet ?",
                    "help_text": (
                        "Notez de deux à cinq pistes. Pour chacune, faites le lien "
                        "avec vos valeurs et vos compétences."
                    ),
                    "required": True,
                    "columns": [
                        "Piste (métier, fonction ou activité)",
                        "Ce qui m'attire",
                        "Valeurs satisfaites",
                        "Compétences que je possède déjà",
                        "Ce qui me manque, questions à explorer",
                    ],
                },
            ),
            (
                "multiple_choice",
                {
                    "label": "Quels types d'évolution vos pistes représentent-elles ?",
                    "help_text": "",
                    "required": False,
                    "choices": [
                        "Évoluer dans mon métier actuel",
                        "Changer de poste chez mon employeur actuel",
                        "Exercer mon métier dans un autre contexte",
                        "Me reconvertir vers un nouveau métier",
                        "Passer un concours de la fonction publique",
                        "Créer ou reprendre une entreprise",
                        "Reprendre des études ou suivre une formation longue",
                    ],
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Y a-t-il une piste que vous n'osez pas envisager ? Qu'est-ce "
                        "qui vous retient ?"
                    ),
                    "help_text": "",
                    "required": False,
                },
            ),
            ("heading", {"text": "Vos priorités", "level": "h2"}),
            (
                "single_choice",
                {
                    "label": "À ce stade, quelle piste vous semble prioritaire ?",
                    "help_text": (
                        "Ce choix n'est pas définitif : il oriente l'exploration de la "
                        "phase suivante."
                    ),
                    "required": False,
                    "choices": [
                        "La première piste de mon tableau",
                        "La deuxième piste de mon tableau",
                        "La troisième piste de mon tableau",
                        "Une autre piste de mon tableau",
                        "Je n'arrive pas encore à choisir",
                    ],
                },
            ),
            (
                "long_text",
                {
                    "label": "Qu'est-ce qui motive ce choix ?",
                    "help_text": (
                        "Faites le lien avec vos valeurs, vos priorités de vie et vos "
                        "compétences."
                    ),
                    "required": False,
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Quelles questions souhaitez-vous éclaircir sur chacune de vos "
                        "pistes ?"
                    ),
                    "help_text": (
                        "Contenu du métier, accès, formation, débouchés, rémunération… "
                        "Elles guideront vos enquêtes métiers."
                    ),
                    "required": False,
                },
            ),
            (
                "yes_no",
                {
                    "label": (
                        "Souhaitez-vous que votre conseiller vous aide à repérer "
                        "d'autres pistes auxquelles vous n'auriez pas pensé ?"
                    ),
                    "help_text": "",
                    "required": False,
                },
            ),
        ],
    },
    "Connaissance de mon environnement": {
        "intro": (
            "<p>Cette phase vous permet de confronter vos pistes à la réalité du "
            "terrain : la réalité des métiers, les formations qui y mènent et la "
            "situation de l'emploi dans votre bassin de vie.</p><p>C'est une phase "
            "active, qui se déroule en grande partie en dehors de la plateforme : vous "
            "vous documentez, vous rencontrez des professionnels, puis vous notez ici "
            "ce que vous avez appris.</p>"
        ),
        "body": [
            (
                "paragraph",
                (
                    "<p>Une enquête métier se mène en plusieurs étapes "
                    ":</p><ul><li><b>S'informer</b> : fiches métiers ROME de France "
                    "Travail, ONISEP, CIDJ, Orientation pour tous, Carif-Oref de votre "
                    "région ;</li><li><b>Rencontrer des professionnels</b> qui "
                    "exercent le métier, dans votre réseau ou en les sollicitant "
                    "directement ;</li><li><b>Observer</b> : journées portes ouvertes, "
                    "salons, forums, et si possible une immersion en milieu "
                    "professionnel ;</li><li><b>Analyser les offres d'emploi</b> : "
                    "compétences demandées, conditions proposées, nombre "
                    "d'offres.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "title": "Préparer une rencontre avec un professionnel",
                    "text": (
                        "<p>Présentez-vous simplement : vous réalisez un bilan de "
                        "compétences et souhaitez mieux connaître son métier. Une "
                        "vingtaine de minutes suffit le plus souvent. Vous pouvez "
                        "l'interroger sur :</p><ul><li>son parcours et la façon dont "
                        "il ou elle est arrivé(e) à ce métier ;</li><li>une journée de "
                        "travail type, ce qu'il ou elle apprécie et ce qui est plus "
                        "difficile ;</li><li>les compétences et les qualités "
                        "indispensables ;</li><li>les conditions de travail, la "
                        "rémunération, les perspectives d'emploi ;</li><li>les "
                        "conseils qu'il ou elle donnerait à une personne en "
                        "reconversion.</li></ul>"
                    ),
                },
            ),
            ("heading", {"text": "Vos recherches", "level": "h2"}),
            (
                "multiple_choice",
                {
                    "label": "Quelles sources d'information avez-vous consultées ?",
                    "help_text": "",
                    "required": False,
                    "choices": [
                        "Fiches métiers ROME (France Travail)",
                        "ONISEP",
                        "CIDJ",
                        "Orientation pour tous",
                        "Carif-Oref de ma région",
                        "Mon Compte Formation",
                        "France VAE",
                        "Choisir le service public (concours et emplois publics)",
                        (
                            "Sites d'offres d'emploi (France Travail, Apec, sites "
                            "spécialisés)"
                        ),
                        "Réseaux professionnels en ligne",
                        "Salons, forums, journées portes ouvertes",
                        "Autre source",
                    ],
                },
            ),
            (
                "long_text",
                {
                    "label": "Qu'avez-vous appris sur chacun des métiers explorés ?",
                    "help_text": (
                        "Activités, conditions d'exercice, voies d'accès, "
                        "rémunération, perspectives d'évolution : notez l'essentiel "
                        "pour chaque métier."
                    ),
                    "required": True,
                },
            ),
            ("heading", {"text": "Vos rencontres", "level": "h2"}),
            (
                "table",
                {
                    "label": "Quels professionnels avez-vous rencontrés ?",
                    "help_text": (
                        "Visez si possible au moins deux rencontres pour chaque piste."
                    ),
                    "required": True,
                    "columns": [
                        "Date",
                        "Personne / structure",
                        "Métier",
                        "Ce que j'ai appris",
                    ],
                },
            ),
            (
                "yes_no",
                {
                    "label": (
                        "Avez-vous réalisé, ou envisagez-vous, une immersion en milieu "
                        "professionnel ?"
                    ),
                    "help_text": (
                        "Une période de mise en situation en milieu professionnel "
                        "(PMSMP) permet de découvrir un métier en situation réelle "
                        "pendant quelques jours. Renseignez-vous auprès de votre "
                        "conseiller ou de France Travail."
                    ),
                    "required": False,
                },
            ),
            ("heading", {"text": "Les formations et l'emploi", "level": "h2"}),
            (
                "table",
                {
                    "label": "Quelles formations avez-vous repérées ?",
                    "help_text": (
                        "Le catalogue de Mon Compte Formation et le site du Carif-Oref "
                        "de votre région recensent les formations disponibles près de "
                        "chez vous."
                    ),
                    "required": False,
                    "columns": [
                        "Formation ou certification",
                        "Organisme et lieu",
                        "Durée et modalités (présentiel, distance, alternance)",
                        "Prérequis",
                        "Coût et financements possibles",
                    ],
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Que savez-vous du marché de l'emploi local pour vos pistes ?"
                    ),
                    "help_text": (
                        "Nombre d'offres, employeurs qui recrutent, métiers en "
                        "tension, perspectives… Les statistiques sur le marché du "
                        "travail de France Travail et les études du Carif-Oref peuvent "
                        "vous y aider."
                    ),
                    "required": False,
                },
            ),
            ("heading", {"text": "Ce que vous en retenez", "level": "h2"}),
            (
                "long_text",
                {
                    "label": (
                        "Qu'est-ce qui vous a surpris, conforté ou fait changer d'avis "
                        "?"
                    ),
                    "help_text": "",
                    "required": False,
                },
            ),
            (
                "long_text",
                {
                    "label": "Quelles informations vous manque-t-il encore ?",
                    "help_text": "",
                    "required": False,
                },
            ),
        ],
    },
    "Etude de faisabilité - Validation du/des projets": {
        "intro": (
            "<p>Vous disposez désormais d'informations solides sur vos pistes. Cette "
            "phase consiste à examiner la faisabilité de chacune au regard de vos "
            "atouts, de vos contraintes et de la réalité du marché, pour retenir un "
            "projet principal et, si possible, un projet alternatif.</p><p>Le projet "
            "que vous validez ici servira de base au plan d'action de la dernière "
            "phase.</p>"
        ),
        "body": [
            (
                "callout",
                {
                    "title": "Un frein n'est pas forcément un obstacle",
                    "text": (
                        "<p>Pour chaque frein, cherchez des solutions avant de "
                        "renoncer. Selon votre situation, plusieurs leviers peuvent "
                        "être mobilisés :</p><ul><li>le compte personnel de formation "
                        "(CPF) et, pour les salariés, le projet de transition "
                        "professionnelle ;</li><li>la validation des acquis de "
                        "l'expérience (VAE) pour raccourcir un parcours de formation "
                        ";</li><li>les aides de France Travail, de la Région ou de "
                        "votre employeur ;</li><li>la formation à distance ou en "
                        "alternance, pour concilier formation et contraintes "
                        "personnelles.</li></ul>"
                    ),
                },
            ),
            ("heading", {"text": "L'étude de vos projets", "level": "h2"}),
            (
                "table",
                {
                    "label": "Étudiez chacun de vos projets",
                    "help_text": "Une ligne par projet étudié.",
                    "required": True,
                    "columns": [
                        "Projet",
                        "Atouts",
                        "Freins",
                        "Contraintes (formation, financement, mobilité…)",
                        "Solutions envisagées",
                    ],
                },
            ),
            (
                "likert",
                {
                    "label": (
                        "Pour votre projet principal, dans quelle mesure chacun de ces "
                        "critères est-il rempli ?"
                    ),
                    "help_text": (
                        "Répondez « Je ne sais pas encore » lorsque l'information vous "
                        "manque : c'est un point à vérifier."
                    ),
                    "required": False,
                    "statements": [
                        "Le projet correspond à mes valeurs",
                        "Le projet est compatible avec mes priorités de vie",
                        "Les conditions de travail me conviennent",
                        "Je possède déjà une partie des compétences requises",
                        (
                            "La formation nécessaire est accessible (prérequis, durée, "
                            "lieu)"
                        ),
                        "Le financement de la formation est identifié",
                        "Des offres d'emploi existent dans mon bassin d'emploi",
                        "La rémunération correspond à mes besoins",
                        "Mon entourage me soutient dans ce projet",
                        "Je me sens prêt(e) à m'engager dans ce projet",
                    ],
                    "scale": [
                        "Pas du tout",
                        "Plutôt non",
                        "Plutôt oui",
                        "Tout à fait",
                        "Je ne sais pas encore",
                    ],
                },
            ),
            ("heading", {"text": "Votre décision", "level": "h2"}),
            (
                "single_choice",
                {
                    "label": "Quel projet retenez-vous à l'issue de cette étude ?",
                    "help_text": "",
                    "required": True,
                    "choices": [
                        "Le premier projet de mon tableau",
                        "Le deuxième projet de mon tableau",
                        "Le troisième projet de mon tableau",
                        "Un projet principal et un projet alternatif",
                        (
                            "Aucun pour l'instant : j'ai besoin de poursuivre "
                            "l'exploration"
                        ),
                    ],
                },
            ),
            (
                "short_text",
                {
                    "label": "Intitulé du projet retenu",
                    "help_text": (
                        "Par exemple : « Devenir conseiller(ère) en insertion "
                        "professionnelle »."
                    ),
                    "required": False,
                },
            ),
            (
                "long_text",
                {
                    "label": "Pourquoi retenez-vous ce projet ?",
                    "help_text": (
                        "Appuyez-vous sur vos valeurs, vos priorités, vos compétences "
                        "et les informations recueillies lors de vos enquêtes."
                    ),
                    "required": True,
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Quel est votre projet alternatif si le projet principal ne "
                        "pouvait pas se réaliser ?"
                    ),
                    "help_text": "",
                    "required": False,
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Quels risques identifiez-vous et comment comptez-vous y faire "
                        "face ?"
                    ),
                    "help_text": "",
                    "required": False,
                },
            ),
            (
                "date",
                {
                    "label": (
                        "À quelle date souhaitez-vous avoir concrétisé votre projet ?"
                    ),
                    "help_text": (
                        "Une date approximative suffit : elle vous aidera à construire "
                        "votre plan d'action."
                    ),
                    "required": False,
                },
            ),
        ],
    },
    "Définition du plan d'action": {
        "intro": (
            "<p>Dernière étape de votre bilan : transformer votre projet en actions "
            "concrètes, datées et réalistes.</p><p>Votre plan d'action et vos "
            "conclusions nourriront le document de synthèse que votre conseiller "
            "rédige avec vous et vous remet à la fin du bilan. Vous en êtes le seul "
            "destinataire.</p>"
        ),
        "body": [
            (
                "paragraph",
                (
                    "<p>Un plan d'action efficace :</p><ul><li>décrit des actions "
                    "précises, chacune commençant par un verbe (« m'inscrire à… », « "
                    "contacter… », « déposer mon dossier… ») ;</li><li>fixe une "
                    "échéance réaliste pour chaque action ;</li><li>identifie les "
                    "personnes et les ressources qui pourront vous aider "
                    ";</li><li>prévoit une première étape à réaliser dans les "
                    "prochaines semaines.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "title": "Financer et accompagner votre projet",
                    "text": (
                        "<ul><li><b>Compte personnel de formation (CPF)</b> : "
                        "consultez vos droits sur "
                        "moncompteformation.gouv.fr.</li><li><b>Projet de transition "
                        "professionnelle</b> : pour les salariés qui souhaitent "
                        "changer de métier, auprès de Transitions "
                        "Pro.</li><li><b>Agents publics</b> : congé de formation "
                        "professionnelle et CPF, auprès de votre service des "
                        "ressources humaines.</li><li><b>Demandeurs d'emploi</b> : "
                        "aides à la formation de France Travail et de la "
                        "Région.</li><li><b>Validation des acquis de l'expérience "
                        "(VAE)</b> : renseignez-vous sur vae.gouv.fr ou auprès du "
                        "DAVA.</li><li><b>Conseil en évolution professionnelle "
                        "(CEP)</b> : un accompagnement gratuit pour la mise en œuvre "
                        "de votre projet.</li></ul>"
                    ),
                },
            ),
            ("heading", {"text": "Votre plan d'action", "level": "h2"}),
            (
                "table",
                {
                    "label": "Définissez les étapes de votre plan d'action",
                    "help_text": "Une ligne par action, dans l'ordre chronologique.",
                    "required": True,
                    "columns": [
                        "Action",
                        "Échéance",
                        "Ressources / interlocuteurs",
                        "Indicateur de réussite",
                    ],
                },
            ),
            (
                "date",
                {
                    "label": (
                        "À quelle date réaliserez-vous la première action de votre "
                        "plan ?"
                    ),
                    "help_text": "",
                    "required": True,
                },
            ),
            (
                "number",
                {
                    "label": (
                        "Combien d'heures de formation votre projet nécessite-t-il, "
                        "selon votre estimation ?"
                    ),
                    "help_text": "Indiquez 0 si aucune formation n'est nécessaire.",
                    "required": False,
                    "min_value": 0,
                    "max_value": None,
                },
            ),
            ("heading", {"text": "Les moyens", "level": "h2"}),
            (
                "yes_no",
                {
                    "label": (
                        "Prévoyez-vous de mobiliser votre compte personnel de "
                        "formation (CPF) ?"
                    ),
                    "help_text": (
                        "Vos droits sont consultables sur moncompteformation.gouv.fr."
                    ),
                    "required": False,
                },
            ),
            (
                "multiple_choice",
                {
                    "label": "Quels autres dispositifs envisagez-vous de mobiliser ?",
                    "help_text": "",
                    "required": False,
                    "choices": [
                        "Projet de transition professionnelle (Transitions Pro)",
                        "Validation des acquis de l'expérience (VAE)",
                        "Plan de développement des compétences de mon employeur",
                        "Reconversion ou promotion par alternance (Pro-A)",
                        "Aide individuelle à la formation de France Travail",
                        "Aides de la Région",
                        "Congé de formation professionnelle (agents publics)",
                        (
                            "Accompagnement par un conseiller en évolution "
                            "professionnelle (CEP)"
                        ),
                        "Accompagnement à la création ou à la reprise d'entreprise",
                        "Aucun pour l'instant",
                    ],
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Quels obstacles pourraient ralentir votre plan, et quelles "
                        "solutions avez-vous prévues ?"
                    ),
                    "help_text": "",
                    "required": False,
                },
            ),
            (
                "long_text",
                {
                    "label": (
                        "Sur qui pourrez-vous vous appuyer pour mener votre projet ?"
                    ),
                    "help_text": (
                        "Proches, collègues, professionnels rencontrés, réseaux, "
                        "structures d'accompagnement…"
                    ),
                    "required": False,
                },
            ),
            ("heading", {"text": "Pour conclure", "level": "h2"}),
            (
                "long_text",
                {
                    "label": "Ce que je retiens de mon bilan",
                    "help_text": (
                        "Ce que vous avez appris sur vous-même, ce qui a changé dans "
                        "votre regard sur votre parcours, ce que vous emportez pour la "
                        "suite."
                    ),
                    "required": True,
                },
            ),
            (
                "yes_no",
                {
                    "label": (
                        "Acceptez-vous d'être recontacté(e) pour un entretien de "
                        "suivi, environ six mois après la fin de votre bilan ?"
                    ),
                    "help_text": "",
                    "required": False,
                },
            ),
        ],
    },
}
