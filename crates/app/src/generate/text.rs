//! The words of the generated organisation: names, units, job titles and answers in Danish and
//! English, long enough to weigh what real answers weigh.

use rand::Rng;
use rand::seq::SliceRandom;

pub const FIRST_NAMES: [&str; 60] = [
    "Anne",
    "Mette",
    "Hanne",
    "Susanne",
    "Lene",
    "Marianne",
    "Camilla",
    "Louise",
    "Charlotte",
    "Maria",
    "Pia",
    "Tina",
    "Karen",
    "Helle",
    "Julie",
    "Ida",
    "Emma",
    "Sofie",
    "Freja",
    "Nanna",
    "Aisha",
    "Fatima",
    "Mia",
    "Laura",
    "Sara",
    "Birgitte",
    "Inge",
    "Lise",
    "Rikke",
    "Trine",
    "Peter",
    "Jens",
    "Lars",
    "Michael",
    "Henrik",
    "Thomas",
    "Søren",
    "Niels",
    "Morten",
    "Jesper",
    "Anders",
    "Rasmus",
    "Martin",
    "Christian",
    "Mads",
    "Jonas",
    "Frederik",
    "Mikkel",
    "Ali",
    "Omar",
    "Kasper",
    "Jakob",
    "Simon",
    "Emil",
    "Oliver",
    "Lucas",
    "Bo",
    "Ole",
    "Poul",
    "Erik",
];

pub const LAST_NAMES: [&str; 40] = [
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Knudsen",
    "Jakobsen",
    "Mikkelsen",
    "Olesen",
    "Frederiksen",
    "Laursen",
    "Henriksen",
    "Lund",
    "Holm",
    "Schmidt",
    "Eriksen",
    "Kristiansen",
    "Simonsen",
    "Clausen",
    "Svendsen",
    "Andreasen",
    "Iversen",
    "Berg",
    "Hassan",
    "Khan",
];

/// (department, its team kinds, job titles of its employees)
pub const DEPARTMENTS: [(&str, [&str; 3], [&str; 3]); 8] = [
    (
        "Børn og Unge",
        ["Daginstitution", "Skole", "Sundhedspleje"],
        ["Pædagog", "Lærer", "Sundhedsplejerske"],
    ),
    (
        "Ældre og Sundhed",
        ["Hjemmeplejen", "Plejecenter", "Træning"],
        [
            "Social- og sundhedshjælper",
            "Sygeplejerske",
            "Fysioterapeut",
        ],
    ),
    (
        "Social og Handicap",
        ["Bosted", "Myndighed", "Værested"],
        ["Socialpædagog", "Socialrådgiver", "Pædagogisk assistent"],
    ),
    (
        "Beskæftigelse",
        ["Jobcenter", "Virksomhedsservice", "Ungeindsats"],
        ["Jobkonsulent", "Sagsbehandler", "Virksomhedskonsulent"],
    ),
    (
        "Teknik og Miljø",
        ["Vej og Park", "Byggesag", "Miljø"],
        ["Anlægsgartner", "Ingeniør", "Miljømedarbejder"],
    ),
    (
        "Kultur og Fritid",
        ["Bibliotek", "Kulturhus", "Idrætsanlæg"],
        ["Bibliotekar", "Kulturmedarbejder", "Driftsmedarbejder"],
    ),
    (
        "Borgerservice og Digitalisering",
        ["Borgerservice", "IT-drift", "Digitalisering"],
        ["Borgerrådgiver", "IT-supporter", "Digitaliseringskonsulent"],
    ),
    (
        "Økonomi og Personale",
        ["Løn", "Økonomi", "HR"],
        ["Lønkonsulent", "Økonomikonsulent", "HR-konsulent"],
    ),
];

pub const DISTRICTS: [&str; 14] = [
    "Nord",
    "Syd",
    "Øst",
    "Vest",
    "Centrum",
    "Havnen",
    "Skovbyen",
    "Engparken",
    "Bakken",
    "Strandvejen",
    "Midtbyen",
    "Vestervang",
    "Nørreland",
    "Søndermarken",
];

/// Sentences an answer is made of; an answer is a few of them.
const DANISH: [&str; 16] = [
    "Jeg kan regne med mine kolleger, når det brænder på, og med at min leder lytter, når jeg siger fra.",
    "Det sværeste er at finde tid til at gøre tingene ordentligt, når vi er færre på arbejde end planlagt.",
    "Jeg vil gerne blive bedre til de svære samtaler med borgerne, især når de er utilfredse med en afgørelse.",
    "Vi har talt meget om strategien på personalemøderne, men det er ikke altid tydeligt, hvad den betyder for min hverdag.",
    "Et kursus ville hjælpe, men det vigtigste er sparring med en erfaren kollega i de konkrete situationer.",
    "Jeg trives med opgaverne og med teamet; travlheden i perioder slider dog, og det skal vi tale om.",
    "Organisationen kunne hjælpe ved at give os faste rammer for, hvornår vi prioriterer udviklingsopgaver.",
    "Jeg bidrager til målet ved at følge op på hver sag inden for den aftalte tid og dokumentere det undervejs.",
    "Borgerne forventer mere digital selvbetjening, og det kræver, at vi selv bliver trygge ved systemerne.",
    "Sidste års aftale nåede jeg halvdelen af; den anden halvdel stoppede, da vi fik nye opgaver i foråret.",
    "Jeg har brug for at vide, hvad der forventes, når to mål trækker i hver sin retning.",
    "Det giver mening for mig at arbejde med kvaliteten i de daglige overleveringer mellem vagterne.",
    "Jeg vil gerne tage mere ansvar for oplæringen af nye kolleger og elever.",
    "Barriererne er ofte praktiske: et system, der ikke taler sammen med det andet, eller en mødeplan, der er fuld.",
    "Jeg oplever, at vi siger ja til for meget og derfor ikke får afsluttet det, vi allerede er i gang med.",
    "Til samtalen vil jeg gerne tale om min rolle i teamet og om muligheden for at gå ned i tid en periode.",
];

const ENGLISH: [&str; 8] = [
    "I can count on my colleagues when things get busy, and on my leader to listen when I say no.",
    "The hardest part is finding time to do things properly when fewer of us are at work than planned.",
    "I would like to get better at difficult conversations with citizens, especially when they disagree with a decision.",
    "We have talked a lot about the strategy at staff meetings, but it is not always clear what it means for my day.",
    "A course would help, but what matters most is sparring with an experienced colleague in real situations.",
    "I enjoy the work and the team; the busy periods wear on me, and we should talk about that.",
    "The organisation could help by giving us fixed times when development work comes first.",
    "I would like to take more responsibility for training new colleagues and apprentices.",
];

/// Development goals: (title, what success looks like, an action, a commitment of the
/// organisation), Danish and English.
pub const GOALS_DA: [(&str, &str, &str, &str); 8] = [
    (
        "Tryg i de svære samtaler",
        "Jeg forbereder og fører de svære samtaler med borgere og pårørende uden at udskyde dem, og jeg følger op skriftligt samme dag.",
        "Forberede to svære samtaler med en erfaren kollega",
        "Kursusplads i konfliktløsning",
    ),
    (
        "Digital selvbetjening",
        "Jeg kan hjælpe borgerne i gang med de digitale løsninger og viser kollegerne, hvordan vi gør det ens.",
        "Gennemføre e-læringen om selvbetjeningsløsningerne",
        "To timer om ugen til oplæring i en måned",
    ),
    (
        "Oplæring af nye kolleger",
        "Nye kolleger i teamet har en fast makker de første tre måneder, og jeg er en af dem.",
        "Være makker for den næste nye kollega",
        "Tid i vagtplanen til makkerordningen",
    ),
    (
        "Bedre overleveringer",
        "Overleveringen mellem vagterne tager ti minutter, og intet vigtigt går tabt.",
        "Afprøve en fast skabelon til overlevering i teamet",
        "Budget til at trykke skabelonerne",
    ),
    (
        "Faglig fordybelse",
        "Jeg har læst op på den nye lovgivning og holdt et oplæg for teamet om, hvad den ændrer.",
        "Holde oplæg på et teammøde",
        "En studiedag",
    ),
    (
        "Mindre travlhed, mere kvalitet",
        "Vi afslutter det, vi er i gang med, før vi tager nyt ind, og vi siger det højt, når vi ikke kan nå det.",
        "Foreslå en prioriteringsliste på teammødet",
        "Lederen tager prioriteringen op i ledergruppen",
    ),
    (
        "Sundhed og trivsel i teamet",
        "Sygefraværet i teamet er under fire procent, og alle kender planen for travle perioder.",
        "Være trivselsrepræsentant i et år",
        "Et kursus for trivselsrepræsentanter",
    ),
    (
        "Samarbejde på tværs",
        "Sager, der går på tværs af afdelingerne, har én ansvarlig og bliver ikke liggende mellem to stole.",
        "Deltage i den tværgående arbejdsgruppe",
        "Tid til arbejdsgruppen hver anden uge",
    ),
];

pub const GOALS_EN: [(&str, &str, &str, &str); 3] = [
    (
        "Confident in difficult conversations",
        "I prepare and hold difficult conversations with citizens and relatives without postponing them, and follow up in writing the same day.",
        "Prepare two difficult conversations with an experienced colleague",
        "A place on a conflict resolution course",
    ),
    (
        "Digital self-service",
        "I can help citizens get started with the digital services and show colleagues how we do it the same way.",
        "Complete the e-learning on the self-service solutions",
        "Two hours a week for training during one month",
    ),
    (
        "Training new colleagues",
        "New colleagues in the team have a buddy for their first three months, and I am one of them.",
        "Be a buddy for the next new colleague",
        "Time in the rota for the buddy scheme",
    ),
];

/// A few sentences in the person's language, as an answer of realistic length.
pub fn answer(rng: &mut impl Rng, english: bool, sentences: usize) -> String {
    let pool: &[&str] = if english { &ENGLISH } else { &DANISH };
    pool.choose_multiple(rng, sentences.min(pool.len()))
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The ASCII local part of an e-mail address for a name.
pub fn email_local(name: &str) -> String {
    name.to_lowercase()
        .replace('æ', "ae")
        .replace('ø', "oe")
        .replace('å', "aa")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(".")
}
