"""One candidate's story, told through the ten shipped phases (the demo's answers).

The demo candidates answered from a small pool of sentences picked per question, so
a bilan read "25 ans" in one answer and "douze ans" in the next, and the same text
under three questions. A conseiller trying the demo reads a bilan: it has to hold
together. Here every answer tells the same life: a secrétaire de direction of a
lycée in Sète for twelve years, six years before at the mairie de Lunel, who moves
towards conseil en formation continue (CFC) at the GRETA. The text avoids gendered
agreement, so that every demo candidate, Gaëlle or Hugo, can have it.

Answers are keyed by the question's label as shipped (`phases/content/phases/`); a
question a référent reworded or added falls back to an example (`demo_answers`).
Each answer is plain, as a person writes it: a text, a number, the texts of the
choices picked, a statement's text → its degree (Likert), the items in order
(ranking), the rows of a table.
"""

ANSWERS = {
    # 1. Contexte de la demande
    "Quelle est votre situation professionnelle actuelle ?": (
        "Agent public titulaire (fonctionnaire)"
    ),
    "Quels sont votre employeur et votre fonction actuels (ou les derniers que "
    "vous avez occupés) ?": "Lycée Jean Moulin de Sète, secrétaire de direction",
    "Depuis combien d'années occupez-vous cette fonction ?": 12,
    "Qu'est-ce qui vous amène aujourd'hui à faire un bilan de compétences ?": (
        "Je suis secrétaire de direction au lycée Jean Moulin de Sète depuis douze "
        "ans. J'aime ce poste, mais j'en ai fait le tour : les tâches reviennent à "
        "l'identique d'une année sur l'autre. Ce qui me plaît le plus, c'est "
        "d'accueillir et de conseiller les familles et les élèves, et j'aimerais en "
        "faire le cœur de mon métier."
    ),
    "Quelles sont vos principales motivations ?": [
        "Faire le point sur mes compétences et mes aptitudes",
        "Envisager une reconversion professionnelle",
        "Construire un projet de formation ou de VAE",
    ],
    "Qu'attendez-vous concrètement de ce bilan ?": (
        "Y voir clair sur mes compétences, savoir lesquelles je peux faire valoir "
        "hors du secrétariat, et repartir avec un projet réaliste et un plan "
        "d'action daté."
    ),
    "Avez-vous déjà une ou plusieurs idées de projet, même vagues ?": (
        "Les métiers de la formation continue m'attirent : j'ai croisé au lycée des "
        "collègues du GRETA qui accompagnent des adultes en reprise d'études. Je ne "
        "sais pas encore si ces métiers me sont accessibles avec mon parcours."
    ),
    "Quelles contraintes devons-nous prendre en compte pendant votre bilan et "
    "pour votre projet ?": (
        "Je travaille à temps plein : les rendez-vous me sont plus faciles le "
        "mercredi après-midi. Pour la suite, je souhaite rester dans l'Hérault, où "
        "vit ma famille."
    ),
    "Comment avez-vous connu le bilan de compétences proposé par notre centre ?": (
        "Par le site internet de l'académie"
    ),
    "Avez-vous déjà réalisé un bilan de compétences ou été accompagné(e) par un "
    "conseiller en évolution professionnelle (CEP) ?": "non",
    # 2. Retour historique
    "Retracez votre parcours professionnel": [
        [
            "2008 – 2014",
            "Mairie de Lunel",
            "Agent d'accueil",
            "Accueil du public, état civil, inscriptions scolaires",
            "Le contact avec les habitants, rendre service",
            "Peu de perspectives d'évolution",
        ],
        [
            "2014 – aujourd'hui",
            "Lycée Jean Moulin, Sète",
            "Secrétaire de direction",
            "Agenda du proviseur, conseils de classe, examens, accueil des familles",
            "Le travail en équipe, l'accueil des familles",
            "Les tâches répétitives, l'urgence permanente en juin",
        ],
    ],
    "Quel est le niveau de votre diplôme le plus élevé ?": (
        "Bac + 2 : BTS, DUT, DEUST… (niveau 5)"
    ),
    "Retracez votre parcours de formation": [
        [
            "2006 – 2008",
            "BTS Assistant de gestion PME-PMI",
            "Lycée Joffre, Montpellier",
            "Oui",
            "Des bases solides en gestion et en communication écrite",
        ],
        [
            "2020",
            "Formation « Accueillir et accompagner les familles »",
            "École académique de la formation continue",
            "Oui",
            "L'envie d'aller plus loin dans l'accompagnement",
        ],
    ],
    "Quelles activités extra-professionnelles avez-vous menées ?": [
        [
            "Depuis 2018",
            "Aide aux devoirs au centre social de Sète",
            "Bénévole, deux soirs par semaine auprès de collégiens",
            "Le plaisir de transmettre et de voir quelqu'un progresser",
        ],
        [
            "2016 – 2022",
            "Association de parents d'élèves",
            "Trésorerie",
            "La gestion d'un petit budget, l'organisation d'événements",
        ],
    ],
    "Quels ont été les moments clés de votre parcours ?": (
        "Mon BTS en 2008, puis mon premier poste à la mairie de Lunel, où j'ai "
        "découvert l'accueil du public. En 2014, mon arrivée au lycée Jean Moulin : "
        "un vrai changement d'échelle. En 2020, une formation sur l'accueil des "
        "familles m'a donné envie de faire de l'accompagnement mon métier."
    ),
    "Comment vos choix d'orientation et de carrière se sont-ils faits ?": (
        "Le BTS, je l'ai choisi par goût de l'organisation plus que par projet. "
        "Ensuite, j'ai surtout saisi les occasions : le concours de la fonction "
        "publique territoriale, puis un détachement dans l'Éducation nationale pour "
        "me rapprocher de Sète."
    ),
    "Quel fil conducteur voyez-vous dans votre parcours ?": (
        "Le service aux autres : à la mairie comme au lycée, ce que je préfère, "
        "c'est accueillir une personne, comprendre sa demande et l'orienter vers la "
        "bonne solution."
    ),
    # 3. Valeurs relatives au travail
    "Classez ces valeurs de la plus importante à la moins importante pour vous "
    "dans le travail": [
        "Utilité sociale : contribuer à l'intérêt général, aider les autres",
        "Relations humaines : travailler avec les autres et pour eux",
        "Apprentissage : découvrir, me former, progresser",
        "Équilibre entre vie professionnelle et vie personnelle",
        "Sécurité de l'emploi : la stabilité du poste et des revenus",
        "Reconnaissance : voir mon travail apprécié et valorisé",
        "Autonomie : organiser mon travail à ma façon",
        "Variété : des tâches et des situations diversifiées",
        "Éthique : agir en accord avec mes convictions",
        "Responsabilités : décider, encadrer, piloter",
        "Créativité : imaginer, concevoir, innover",
        "Rémunération : bien gagner ma vie",
    ],
    "Pour chacune de vos trois premières valeurs, expliquez ce qu'elle signifie "
    "concrètement pour vous": (
        "Utilité sociale : sentir que mon travail aide vraiment quelqu'un, un élève, "
        "une famille, un adulte qui reprend ses études. Relations humaines : "
        "travailler en équipe et au contact du public plutôt que face à un écran "
        "toute la journée. Apprentissage : continuer à me former, comme je l'ai fait "
        "en 2020."
    ),
    "Une valeur importante pour vous ne figure-t-elle pas dans la liste ?": (
        "La confiance : pouvoir compter sur mes collègues, et qu'ils puissent "
        "compter sur moi."
    ),
    "Dans votre emploi actuel (ou le dernier), quelles valeurs sont satisfaites et "
    "lesquelles ne le sont pas ?": (
        "Au lycée, la sécurité de l'emploi et l'équilibre avec ma vie personnelle "
        "sont satisfaits. L'utilité sociale l'est en partie, quand j'accueille les "
        "familles. L'apprentissage ne l'est plus : je n'apprends plus grand-chose de "
        "nouveau."
    ),
    "Décrivez une situation de travail où vous vous êtes senti(e) pleinement en "
    "accord avec vos valeurs": (
        "L'an dernier, j'ai accompagné la mère d'un élève arrivé en France depuis "
        "peu dans l'inscription de son fils en BTS : trois rendez-vous, chaque "
        "démarche expliquée pas à pas. Le jour de son admission, j'ai eu le "
        "sentiment d'avoir été vraiment utile."
    ),
    "À l'inverse, décrivez une situation où vos valeurs ont été mises à mal": (
        "Pendant les examens, les dossiers se traitent à la chaîne ; je n'ai plus le "
        "temps de répondre correctement aux familles qui appellent, et cela me pèse."
    ),
    "Si vous deviez renoncer en partie à l'une de vos valeurs pour réaliser un "
    "projet, laquelle accepteriez-vous de mettre de côté, et pourquoi ?": (
        "La sécurité de l'emploi, en partie : je peux accepter un contrat de "
        "quelques années si le projet a du sens, à condition de pouvoir revenir en "
        "arrière grâce à un détachement."
    ),
    # 4. Priorités de vie et conditions de travail
    "Quelle importance accordez-vous aujourd'hui à chacun de ces domaines de "
    "votre vie ?": {
        "Vie de famille et de couple": "Très important",
        "Santé et bien-être": "Très important",
        "Vie sociale et amicale": "Important",
        "Loisirs, sport et culture": "Important",
        "Engagement associatif, citoyen ou syndical": "Important",
        "Développement personnel": "Important",
        "Vie professionnelle et carrière": "Important",
        "Sécurité financière": "Très important",
        "Rester dans ma région, près de mes proches": "Très important",
        "Mobilité géographique : pouvoir changer de région": "Pas important",
    },
    "Comment souhaitez-vous que votre vie professionnelle s'articule avec ces "
    "priorités dans les prochaines années ?": (
        "Je veux garder des horaires compatibles avec ma vie de famille et avec mon "
        "bénévolat du soir. Des déplacements dans le département me conviennent, "
        "pas un poste qui m'obligerait à quitter l'Hérault."
    ),
    "Comment considérez-vous chacune de ces conditions de travail ?": {
        "Horaires réguliers, en journée": "Souhaitable",
        "Horaires décalés, de nuit ou le week-end": "À éviter absolument",
        "Temps partiel": "Indifférent",
        "Télétravail une partie de la semaine": "Souhaitable",
        "Travail en équipe": "Indispensable",
        "Travail en autonomie, seul(e)": "Souhaitable",
        "Contact direct avec le public": "Indispensable",
        "Déplacements professionnels fréquents": "Indifférent",
        "Travail en extérieur": "Indifférent",
        "Travail de bureau, sur écran": "Souhaitable",
        "Activité physique, port de charges": "Plutôt à éviter",
        "Rythme soutenu, travail dans l'urgence": "Plutôt à éviter",
        "Encadrement d'une équipe": "Indifférent",
        "Grande organisation (administration, grande entreprise)": "Indifférent",
        "Petite structure": "Souhaitable",
    },
    "Quel temps de travail souhaitez-vous ?": "Temps plein",
    "Jusqu'où êtes-vous prêt(e) à vous déplacer ou à déménager pour un projet ?": (
        "Dans mon département"
    ),
    "Quel temps de trajet domicile-travail acceptez-vous au maximum, en minutes "
    "(aller simple) ?": 45,
    "Quelle rémunération minimale vous est nécessaire (en euros nets par mois) ?": (
        "1 900 euros nets par mois"
    ),
    "Quelles contraintes êtes-vous prêt(e) à accepter pour un projet qui vous "
    "tient à cœur ?": (
        "Une période de formation, même longue, et des déplacements dans l'Hérault. "
        "J'accepte aussi une baisse de salaire pendant la transition, si elle reste "
        "temporaire."
    ),
    "Quelles contraintes sont pour vous inacceptables, quel que soit le projet ?": (
        "Déménager loin de ma famille, travailler régulièrement le soir ou le "
        "week-end, ou gagner durablement moins de 1 900 euros nets par mois."
    ),
    # 5. Traits de personnalité
    "Dans quelle mesure chacun de ces adjectifs vous correspond-il ?": {
        "Organisé(e)": "Tout à fait moi",
        "Curieux(se)": "Assez moi",
        "Persévérant(e)": "Assez moi",
        "Sociable": "Tout à fait moi",
        "Calme": "Assez moi",
        "Créatif(ve)": "Un peu moi",
        "Rigoureux(se)": "Tout à fait moi",
        "Autonome": "Assez moi",
        "À l'écoute": "Tout à fait moi",
        "Diplomate": "Assez moi",
        "Dynamique": "Assez moi",
        "Adaptable": "Assez moi",
        "Réservé(e)": "Un peu moi",
        "Sûr(e) de moi": "Un peu moi",
        "Entraînant(e), meneur(se)": "Un peu moi",
        "Patient(e)": "Tout à fait moi",
        "Perfectionniste": "Assez moi",
        "Prudent(e)": "Assez moi",
    },
    "Face à une tâche nouvelle, vous avez plutôt tendance à…": (
        "Prendre le temps de vous informer et de planifier avant d'agir"
    ),
    "Où puisez-vous le plus votre énergie au travail ?": (
        "Dans les échanges et le contact avec les autres"
    ),
    "Quelles qualités votre entourage vous reconnaît-il le plus souvent ?": [
        "Fiabilité",
        "Sens de l'organisation",
        "Capacité d'écoute",
        "Pédagogie",
    ],
    "Comment vos collègues ou vos responsables vous décrivent-ils ?": (
        "Pour mes collègues, je suis la personne qu'on vient voir quand on ne sait "
        "pas à qui s'adresser : on me dit fiable, calme et d'une grande patience. "
        "Ma proviseure parle de ma rigueur et de mon sens de l'accueil."
    ),
    "Quels sont vos trois principaux points forts ? Illustrez chacun par un exemple": (
        "L'organisation : je prépare chaque année le calendrier des conseils de "
        "classe et des examens pour 1 200 élèves. L'écoute : les familles qui "
        "arrivent inquiètes repartent avec une réponse ou le bon interlocuteur. La "
        "pédagogie : au centre social, j'explique les devoirs autrement quand la "
        "première explication ne passe pas."
    ),
    "Quels traits de votre personnalité peuvent parfois vous desservir ?": (
        "J'ai du mal à dire non et je prends parfois trop de choses en charge. Je "
        "manque aussi d'assurance quand je dois prendre la parole devant un grand "
        "groupe."
    ),
    "Dans quel environnement de travail vous sentez-vous le plus à l'aise ? Et le "
    "moins à l'aise ?": (
        "Le plus à l'aise : une équipe soudée, du contact avec le public, des "
        "journées variées. Le moins à l'aise : un travail isolé et répétitif, ou une "
        "ambiance de compétition."
    ),
    # 6. Identification des compétences
    "Dressez l'inventaire de vos compétences": [
        [
            "Accueillir et orienter du public",
            "Six ans en mairie, puis l'accueil des familles au lycée",
            "Confirmé",
            "Oui",
        ],
        [
            "Organiser et planifier",
            "Calendrier des conseils de classe et des examens",
            "Confirmé",
            "Oui",
        ],
        [
            "Rédiger des écrits professionnels",
            "Courriers et comptes rendus pour la direction",
            "Confirmé",
            "Peut-être",
        ],
        [
            "Expliquer et transmettre",
            "Aide aux devoirs au centre social",
            "Intermédiaire",
            "Oui",
        ],
    ],
    "Quelles compétences transférables, utiles dans de nombreux métiers, "
    "maîtrisez-vous ?": [
        "Organiser et planifier le travail",
        "Accueillir, conseiller et accompagner des personnes",
        "Rédiger des écrits professionnels",
        "Former, transmettre, expliquer",
        "Utiliser les outils numériques : bureautique, logiciels métiers",
    ],
    "Quels savoir-être professionnels mettez-vous en œuvre au quotidien ?": [
        "Rigueur",
        "Sens de l'organisation",
        "Sens de la communication",
        "Travail en équipe",
    ],
    "Première réalisation dont je suis fier(e)": (
        "En 2022, j'ai remis à plat les inscriptions au lycée : un dossier unique en "
        "ligne et des rendez-vous d'accueil pour les familles. Les files d'attente "
        "de septembre ont disparu."
    ),
    "Deuxième réalisation dont je suis fier(e)": (
        "Depuis 2018, au centre social, je suis un petit groupe de collégiens en "
        "difficulté ; quatre d'entre eux ont obtenu leur brevet l'an dernier."
    ),
    "Troisième réalisation dont je suis fier(e)": (
        "Six ans de trésorerie pour l'association de parents d'élèves : des comptes "
        "tenus au centime et une kermesse qui a financé un voyage scolaire."
    ),
    "Quelles compétences avez-vous acquises en dehors du travail ?": (
        "Animer un petit groupe et expliquer pas à pas (l'aide aux devoirs), gérer "
        "le budget d'une association, organiser un événement."
    ),
    "Quelles compétences ne souhaitez-vous plus exercer, même si vous les "
    "maîtrisez ?": (
        "La saisie et le classement à la chaîne, la tenue de l'agenda d'un tiers."
    ),
    "Pensez-vous qu'une partie de votre expérience pourrait être reconnue par une "
    "validation des acquis de l'expérience (VAE) ?": "oui",
    # 7. De mes atouts à mes projets
    "En relisant vos réponses aux phases précédentes, quels sont vos principaux "
    "atouts ?": (
        "Douze ans dans un lycée et six ans en mairie : je connais le système "
        "éducatif et l'accueil de tous les publics. Je sais organiser, écouter et "
        "expliquer, et j'ai commencé à transmettre, comme bénévole."
    ),
    "Quelles sont vos pistes de projet ?": [
        [
            "Conseil en formation continue (CFC) dans un GRETA",
            "Accompagner des adultes et monter des formations",
            "Utilité sociale, relations humaines, apprentissage",
            "Accueil, organisation, connaissance de l'Éducation nationale",
            "La relation avec les entreprises ; le mode de recrutement",
        ],
        [
            "Gestionnaire de formation dans un GRETA",
            "Entrer dans la formation continue par un poste proche du mien",
            "Sécurité de l'emploi, relations humaines",
            "Gestion administrative, suivi de dossiers, outils numériques",
            "En quoi ce poste diffère vraiment du mien",
        ],
        [
            "Secrétaire pédagogique à l'université",
            "Le contact avec les étudiants",
            "Relations humaines, équilibre de vie",
            "Secrétariat, accueil, organisation des examens",
            "Le risque de retrouver les tâches d'aujourd'hui",
        ],
    ],
    "Quels types d'évolution vos pistes représentent-elles ?": [
        "Exercer mon métier dans un autre contexte",
        "Me reconvertir vers un nouveau métier",
    ],
    "Y a-t-il une piste que vous n'osez pas envisager ? Qu'est-ce qui vous retient ?": (
        "Le métier de formateur ou de formatrice pour adultes : j'aime transmettre, "
        "mais animer une formation devant un groupe d'adultes m'intimide encore."
    ),
    "À ce stade, quelle piste vous semble prioritaire ?": (
        "La première piste de mon tableau"
    ),
    "Qu'est-ce qui motive ce choix ?": (
        "Le métier de CFC réunit ce que je préfère : accueillir, conseiller et "
        "organiser. Il reste dans l'Éducation nationale, ce qui me rassure, et il "
        "s'exerce dans l'Hérault."
    ),
    "Quelles questions souhaitez-vous éclaircir sur chacune de vos pistes ?": (
        "Pour le métier de CFC : comment se fait le recrutement, quelle formation "
        "est prévue, quelle part du temps va au démarchage des entreprises ? Pour "
        "le poste de gestionnaire : en quoi diffère-t-il de mon poste actuel ? Pour "
        "l'université : les postes s'ouvrent-ils par détachement ?"
    ),
    "Souhaitez-vous que votre conseiller vous aide à repérer d'autres pistes "
    "auxquelles vous n'auriez pas pensé ?": "oui",
    # 8. Connaissance de mon environnement
    "Quelles sources d'information avez-vous consultées ?": [
        "Fiches métiers ROME (France Travail)",
        "ONISEP",
        "Carif-Oref de ma région",
        "Choisir le service public (concours et emplois publics)",
    ],
    "Qu'avez-vous appris sur chacun des métiers explorés ?": (
        "Un CFC conçoit des formations pour des adultes et des entreprises, les "
        "vend et en suit la réalisation, avec des déplacements dans le département. "
        "Le poste de gestionnaire de formation est plus administratif : "
        "inscriptions, conventions, suivi des financements. À l'université, le "
        "secrétariat pédagogique ressemble beaucoup à mon poste actuel."
    ),
    "Quels professionnels avez-vous rencontrés ?": [
        [
            "12 novembre 2026",
            "GRETA de l'Hérault, antenne de Sète",
            "Conseil en formation continue (CFC)",
            "Le démarchage des entreprises occupe environ un tiers du temps",
        ],
        [
            "19 novembre 2026",
            "GRETA de l'Hérault, Montpellier",
            "Gestionnaire de formation",
            "Un poste proche du secrétariat, avec plus de contacts avec les stagiaires",
        ],
    ],
    "Avez-vous réalisé, ou envisagez-vous, une immersion en milieu "
    "professionnel ?": "oui",
    "Quelles formations avez-vous repérées ?": [
        [
            "Formation d'adaptation à l'emploi des CFC",
            "Académie de Montpellier (DAFPIC)",
            "Un an, en alternance avec le poste",
            "Un poste de CFC obtenu",
            "Prise en charge par l'employeur",
        ],
        [
            "Titre professionnel Formateur professionnel d'adultes",
            "AFPA, Montpellier",
            "Sept mois, en présentiel",
            "Niveau baccalauréat",
            "Compte personnel de formation, congé de formation professionnelle",
        ],
    ],
    "Que savez-vous du marché de l'emploi local pour vos pistes ?": (
        "Le GRETA de l'Hérault recrute deux ou trois CFC par an, souvent sur contrat "
        "d'abord. Les postes de gestionnaire de formation sont plus nombreux, à "
        "Montpellier surtout, à quarante minutes de chez moi."
    ),
    "Qu'est-ce qui vous a surpris, conforté ou fait changer d'avis ?": (
        "Ce qui m'a surpris : la part commerciale du métier de CFC, que je "
        "n'imaginais pas. Ce qui m'a conforté : mes compétences d'accueil et "
        "d'organisation y sont recherchées. L'université, en revanche, ne me "
        "changerait pas assez de mon poste : j'écarte cette piste."
    ),
    "Quelles informations vous manque-t-il encore ?": (
        "La rémunération d'un CFC sur contrat, et la possibilité de garder mon "
        "statut de fonctionnaire grâce à un détachement."
    ),
    # 9. Etude de faisabilité
    "Étudiez chacun de vos projets": [
        [
            "Conseil en formation continue (CFC)",
            "Connaissance de l'Éducation nationale, accueil, organisation",
            "Peu d'expérience de la relation avec les entreprises",
            "Recrutement sélectif, déplacements dans le département",
            "Immersion au GRETA de Sète, formation d'adaptation à l'emploi",
        ],
        [
            "Gestionnaire de formation",
            "Compétences administratives déjà acquises",
            "Des tâches proches de mon poste actuel",
            "Peu de postes à Sète même",
            "Candidater aussi à Montpellier, à quarante minutes",
        ],
    ],
    "Pour votre projet principal, dans quelle mesure chacun de ces critères est-il "
    "rempli ?": {
        "Le projet correspond à mes valeurs": "Tout à fait",
        "Le projet est compatible avec mes priorités de vie": "Plutôt oui",
        "Les conditions de travail me conviennent": "Plutôt oui",
        "Je possède déjà une partie des compétences requises": "Plutôt oui",
        "La formation nécessaire est accessible (prérequis, durée, lieu)": (
            "Plutôt oui"
        ),
        "Le financement de la formation est identifié": "Je ne sais pas encore",
        "Des offres d'emploi existent dans mon bassin d'emploi": "Plutôt oui",
        "La rémunération correspond à mes besoins": "Plutôt oui",
        "Mon entourage me soutient dans ce projet": "Tout à fait",
        "Je me sens prêt(e) à m'engager dans ce projet": "Tout à fait",
    },
    "Quel projet retenez-vous à l'issue de cette étude ?": (
        "Un projet principal et un projet alternatif"
    ),
    "Intitulé du projet retenu": (
        "Conseil en formation continue (CFC) au GRETA de l'Hérault"
    ),
    "Pourquoi retenez-vous ce projet ?": (
        "Il répond à mes trois premières valeurs : utilité sociale, relations "
        "humaines et apprentissage. Il s'appuie sur mes compétences d'accueil et "
        "d'organisation, et je peux l'exercer dans l'Hérault, près de ma famille."
    ),
    "Quel est votre projet alternatif si le projet principal ne pouvait pas se "
    "réaliser ?": (
        "Un poste de gestionnaire de formation dans un GRETA : plus proche de mon "
        "métier actuel, il me ferait entrer dans la formation continue, et je "
        "pourrais évoluer ensuite vers le métier de CFC."
    ),
    "Quels risques identifiez-vous et comment comptez-vous y faire face ?": (
        "Un refus au recrutement : je candidaterai aussi aux postes de "
        "gestionnaire. La part commerciale du métier : l'immersion me dira si je "
        "m'y sens à l'aise."
    ),
    "À quelle date souhaitez-vous avoir concrétisé votre projet ?": "2028-09-01",
    # 10. Définition du plan d'action
    "Définissez les étapes de votre plan d'action": [
        [
            "Faire une immersion de trois jours au GRETA de Sète",
            "Janvier 2027",
            "Responsable de l'antenne du GRETA de Sète",
            "Immersion réalisée et compte rendu écrit",
        ],
        [
            "Déposer un dossier de VAE pour le BTS Support à l'action managériale",
            "Juin 2027",
            "France VAE, conseiller du bilan",
            "Dossier de recevabilité accepté",
        ],
        [
            "Candidater aux postes de CFC et de gestionnaire de formation",
            "Printemps 2028",
            "Site de l'académie, réseau du GRETA",
            "Trois candidatures envoyées",
        ],
    ],
    "À quelle date réaliserez-vous la première action de votre plan ?": ("2027-01-18"),
    "Combien d'heures de formation votre projet nécessite-t-il, selon votre "
    "estimation ?": 300,
    "Prévoyez-vous de mobiliser votre compte personnel de formation (CPF) ?": "oui",
    "Quels autres dispositifs envisagez-vous de mobiliser ?": [
        "Validation des acquis de l'expérience (VAE)",
        "Congé de formation professionnelle (agents publics)",
    ],
    "Quels obstacles pourraient ralentir votre plan, et quelles solutions avez-vous "
    "prévues ?": (
        "Préparer le dossier de VAE en plus de mon travail : je réserverai deux "
        "samedis matin par mois et demanderai un accompagnement. Un poste de CFC qui "
        "tarde à s'ouvrir : je candidaterai en même temps aux postes de "
        "gestionnaire."
    ),
    "Sur qui pourrez-vous vous appuyer pour mener votre projet ?": (
        "Ma famille, qui soutient le projet ; la responsable de l'antenne du GRETA "
        "de Sète, rencontrée en novembre ; mon conseiller de bilan pour le suivi."
    ),
    "Ce que je retiens de mon bilan": (
        "Je sais mieux ce qui compte pour moi, l'utilité et le contact humain, et je "
        "repars avec un projet réaliste : travailler comme CFC au GRETA de l'Hérault "
        "d'ici septembre 2028, avec un projet alternatif si ce n'est pas possible."
    ),
    "Acceptez-vous d'être recontacté(e) pour un entretien de suivi, environ six "
    "mois après la fin de votre bilan ?": "oui",
}


def story_data(name, child):
    """POST data giving the story's answer to one question; None if the story has
    no usable answer for it (a question added or reworded by a référent)."""
    answer = ANSWERS.get(str(child.value["label"]))
    if answer is None:
        return None
    return child.block.answer_data(child.value, name, answer)
