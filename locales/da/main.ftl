# MOUSE – dansk (standardsprog)

app-name = MOUSE
footer-tagline = MOUSE – Medarbejder- og OrganisationsUdviklingsSamtaler med Effekt
skip-to-content = Gå til indhold
nav-label = Hovedmenu
nav-home = Forside
nav-people = Personer
nav-units = Enheder
nav-import = Import
nav-users = Brugere
nav-audit = Revisionslog
logged-in-as = Logget ind som { $name }
logout = Log ud
language = Sprog
back-home = Til forsiden
edit = Redigér
save = Gem
create = Opret
yes = Ja
no = Nej
pagination = Sider
newer = ← Nyere
older = Ældre →
page-previous = ← Forrige
page-next = Næste →
page-range = { $from }–{ $to } af { $total }
search-label = Søg
search-placeholder = Søg på navn eller e-mail
search-submit = Søg

# Bekræftelser
done-saved = Ændringerne er gemt.
done-created = Oprettet.
done-deactivated = Personen er deaktiveret og kan ikke længere logge ind.
done-activated = Personen er aktiv igen.
done-imported = Importen er gennemført.
done-password = Adgangskoden er sat.
done-roles = Rollerne er gemt.

# Fejl
error-title = Det gik ikke
error-status = Fejlkode { $status }
error-login-required = Du skal logge ind først.
error-forbidden = Du har ikke adgang til denne side.
error-not-found = Siden findes ikke, eller du har ikke adgang til den.
error-csrf = Formularen er udløbet. Gå tilbage, genindlæs siden og prøv igen.
error-too-many-attempts = For mange mislykkede forsøg på at logge ind. Vent et kvarter, og prøv igen.
error-too-large = Det, du sendte, er for stort.
error-internal = Der skete en uventet fejl. Prøv igen om lidt; fortsætter det, så kontakt jeres administrator.
error-bad-form = Formularen var ikke udfyldt korrekt. Prøv igen.
error-bad-language = Ukendt sprog.
error-deactivate-self = Du kan ikke deaktivere dig selv.
error-own-admin-role = Du kan ikke fjerne din egen administratorrolle. Bed en anden administrator om det.
error-password-short = Adgangskoden skal være mindst { $min } tegn.
error-password-mismatch = De to adgangskoder er ikke ens.
error-import-conflict = Importen kunne ikke gennemføres, fordi data er ændret imens. Intet er skrevet. Kontrollér filen igen.
error-unit-name-empty = Enheden skal have et navn.
error-unit-name-too-long = Navnet er for langt (højst 120 tegn).
error-unit-kind = Ukendt type enhed.
error-unit-name-taken = Der findes allerede en enhed med det navn.
error-unit-parent = Den overordnede enhed findes ikke.
error-unit-cycle = En enhed kan ikke flyttes ind under sig selv eller en af sine egne enheder.
error-unit-root = Organisationen er roden i træet og kan ikke flyttes.
error-unit-kind-order = En afdeling kan ikke ligge under et team.
error-person-name-empty = Navnet mangler.
error-too-long = Teksten er for lang.
error-email-invalid = E-mailadressen er ikke gyldig.
error-email-taken = E-mailadressen bruges allerede af en anden person.
error-unit-unknown = Enheden findes ikke.
error-leader-unknown = Lederen findes ikke i organisationen.
error-leader-self = En person kan ikke være sin egen leder.

# Log ind
login-title = Log ind
login-intro = Log ind med din e-mailadresse og adgangskode.
login-submit = Log ind
login-failed = Forkert e-mail eller adgangskode.
field-email = E-mail
field-password = Adgangskode

# Roller og enhedstyper
role-employee = Medarbejder
role-leader = Leder
role-leadership = Ledergruppe
role-hr = HR / MUS-koordinator
role-admin = Administrator
unit-kind-organisation = Organisation
unit-kind-department = Afdeling
unit-kind-team = Team

# Forside
home-title = Forside
home-welcome = Velkommen, { $name }
home-intro = Her er dit overblik over årets MUS og din plads i organisationen.
home-about-you = Om dig
home-your-profile = Se din profil
home-your-people = Dine medarbejdere
home-you-lead = Du er leder af { $units }.
home-no-people = Der er endnu ingen medarbejdere i dine enheder.
home-organisation = Organisationen
home-org-summary = { $count ->
    [one] { $count } aktiv person
   *[other] { $count } aktive personer
}
home-units-top = Her står de { $shown } øverste af organisationens { $total } enheder.
home-team-first = { $count ->
    [one] den første efter navn
   *[other] de første { $count } efter navn
}
home-recent-audit = Seneste hændelser
field-name = Navn
field-job-title = Stilling
field-unit = Enhed
field-leader = Leder
field-roles = Roller
field-kind = Type
field-unit-leader = Leder af enheden
field-headcount = Direkte
field-status = Status
status-active = Aktiv
status-inactive = Deaktiveret
people-count = { $count ->
    [one] { $count } person
   *[other] { $count } personer
}
units-count = { $count ->
    [one] { $count } enhed
   *[other] { $count } enheder
}

# Personer
people-title = Personer
people-none = Ingen personer matcher.
people-conversations = Samtaler
person-conversations = Samtaler
person-conversation-when = Tidspunkt
person-new-title = Ny person
field-leader-email = Leders e-mail (valgfri)
field-leader-email-help = Tom betyder: lederen af personens enhed.
person-deactivate = Deaktivér
person-activate = Aktivér igen

# Enheder
units-title = Enheder
unit-new-title = Ny enhed
field-parent = Ligger under
field-unit-leader-email = Leders e-mail (tom: ingen leder)
back-units = Tilbage til enheder

# Brugere
users-title = Brugere og roller
users-intro = Alle i organisationen er medarbejdere, og den, der leder en enhed, er leder. Her giver du adgang til at logge ind og de øvrige roller.
field-login = Kan logge ind
user-can-log-in = kan logge ind
user-cannot-log-in = har endnu ingen adgangskode
roles-help = Ledergruppen ser hele organisationen; HR vedligeholder enheder og personer; administratorer styrer brugere og læser revisionsloggen.
password-title = Adgangskode
field-new-password = Ny adgangskode
field-confirm-password = Gentag adgangskoden
password-help = Mindst { $min } tegn. Personen logges ud alle steder.
password-submit = Sæt adgangskode
back-users = Tilbage til brugere

# Import
import-title = Importér personer
import-intro = Indlæs personer fra en CSV-fil fra jeres HR-system. Du ser først præcis, hvad der vil ske; intet gemmes, før du bekræfter, og kun hvis hele filen er i orden.
import-columns-required = Påkrævede kolonner: navn (eller fornavn og efternavn), e-mail og enhed.
import-columns-optional = Valgfrie kolonner: stilling og leders e-mail.
import-formats = Komma eller semikolon; UTF-8 (med eller uden BOM) eller Windows-1252.
import-file = CSV-fil
import-check = Kontrollér filen
import-no-file = Vælg en fil.
import-report-intro = Sådan vil { $file } ændre organisationen:
import-creates = { $count ->
    [one] { $count } ny person
   *[other] { $count } nye personer
}
import-updates = { $count ->
    [one] { $count } ændret person
   *[other] { $count } ændrede personer
}
import-unchanged = { $count } uændrede
import-errors = { $count ->
    [one] { $count } fejl
   *[other] { $count } fejl
}
import-errors-title = Fejl i filen
import-nothing-written = Intet er gemt. Ret linjerne herunder, og indlæs filen igen.
import-line = Linje
import-reason = Årsag
import-apply = Gennemfør importen
import-creates-title = Nye personer
import-updates-title = Ændrede personer
import-changes = Ændringer
import-again = Indlæs en anden fil
import-reactivated = aktiveres igen
import-file-too-large = Filen er for stor (højst { $limit } MB).
import-file-empty = Filen er tom.
import-file-not-text = Filen er ikke en tekstfil (CSV).
import-file-missing-columns = Filen mangler kolonner: { $columns }. Første linje skal være en overskriftslinje.
import-file-duplicate-column = Overskriftslinjen nævner kolonnen { $column } to gange.
import-line-field-count = Linjen har { $found } felter, men overskriften har { $expected }.
import-line-malformed = Linjen kan ikke læses som CSV.
import-line-unit-empty = Enhed mangler.
import-line-unit-unknown = Ukendt enhed: { $unit }.
import-line-email-duplicate = E-mailadressen står også på linje { $line }.
import-line-leader-unknown = Ukendt leder: { $leader }.

# Revisionslog
audit-title = Revisionslog
audit-intro = Sikkerhedsrelevante hændelser: log ind, roller, adgangskoder, ændringer af personer og enheder og importer.
audit-none = Ingen hændelser endnu.
audit-when = Tidspunkt
audit-who = Hvem
audit-what = Hændelse
audit-subject = Angår
audit-detail = Detaljer
audit-ip = Adresse
audit-login = Logget ind
audit-login-failed = Mislykket log ind
audit-logout = Logget ud
audit-roles-changed = Roller ændret
audit-password-set = Adgangskode sat
audit-person-created = Person oprettet
audit-person-changed = Person ændret
audit-person-deactivated = Person deaktiveret
audit-person-reactivated = Person aktiveret igen
audit-unit-created = Enhed oprettet
audit-unit-changed = Enhed ændret
audit-import = Import

# Egen konto
account-password-title = Skift adgangskode
account-password-link = Skift adgangskode
account-password-help = Mindst { $min } tegn. Du forbliver logget ind her; andre steder logges du ud.
field-current-password = Nuværende adgangskode
error-current-password = Den nuværende adgangskode er forkert.

# Strategi
nav-strategy = Strategi
strategy-title = Strategi
strategy-intro = Organisationens strategiske mål og enhedernes egne delmål: toppen af den røde tråd fra strategi til den enkeltes udvikling.
strategy-none = Der er endnu ingen strategiske mål.
goal-new-top = Nyt strategisk mål
goal-new-sub = Tilføj delmål for en enhed
goal-new-title = Nyt mål
goal-under = Delmål under: { $parent }
goal-path = Placering i strategien
goal-subgoals = Delmål
goal-no-subgoals = Ingen delmål endnu.
goal-links = Knyttet til målet
goal-links-none = Endnu intet. MUS-runder, udviklingsaftaler og strategisk feedback, der knyttes til målet, vises her.
goal-retired = Pensioneret
goal-retired-help = Målet bruges ikke længere til nye koblinger, men står her af hensyn til historikken.
goal-retire = Pensionér målet
goal-retire-help = Et pensioneret mål kan ikke vælges til nyt, men alt, der allerede er knyttet til det, bevares.
goal-delete = Slet målet
goal-delete-help = Kun muligt, hvis intet er knyttet til målet; ellers pensionér det.
goal-status-active = Aktivt
goal-status-achieved = Nået
goal-status-dropped = Opgivet
field-title = Titel
field-description = Beskrivelse
field-owner-unit = Enhed
field-period = Periode
field-from = Fra
field-to = Til
done-deleted = Slettet.
error-goal-title-empty = Målet skal have en titel.
error-period-order = Perioden slutter, før den begynder.
error-bad-date = Datoen er ikke gyldig.
error-goal-status = Ukendt status.
error-goal-parent = Det overordnede mål findes ikke.
error-goal-parent-retired = Et pensioneret mål kan ikke få nye delmål.
error-goal-not-your-unit = Du kan kun tilføje mål for de enheder, du leder.
error-goal-root-only = Et strategisk mål for hele organisationen hører til organisationen selv.
error-goal-linked = Målet kan ikke slettes, fordi andet er knyttet til det. Pensionér det i stedet.
audit-goal-created = Mål oprettet
audit-goal-changed = Mål ændret
audit-goal-deleted = Mål slettet

# MUS-runder
nav-cycles = MUS-runder
nav-conversations = Samtaler
cycles-title = MUS-runder
cycles-intro = Årets MUS-runde: ledelsens intention, de strategiske mål i fokus, tidsplanen og hver leders indramning for sin enhed.
cycles-none = Der er endnu ingen MUS-runder.
cycle-new-title = Ny MUS-runde
cycle-name-example = fx MUS 2026
cycle-state-draft = Kladde
cycle-state-open = Åben
cycle-state-closed = Afsluttet
cycle-intention = Intention
cycle-intention-question = Hvad skal MUS bidrage til hos os i år?
cycle-focus-goals = Strategiske mål i fokus
cycle-focus-count = Mål i fokus
cycle-no-focus = Ingen mål i fokus endnu.
cycle-timeline = Tidsplan
cycle-preparation-opens = Forberedelsen åbner
cycle-conversations = Samtaler
cycle-conversations-from = Samtaler fra
cycle-conversations-to = Samtaler til
cycle-follow-up = Opfølgning
cycle-evaluation = Evaluering
cycle-framings = Indramning for enhederne
cycle-framings-help = Hver leder skriver, hvad årets intention og fokusmål betyder for netop deres enhed. Medarbejderne ser indramningen for deres egen enhed, når de forbereder sig.
cycle-framing-for = Hvad betyder årets intention for { $unit }?
cycle-not-framed = Ikke indrammet endnu.
cycle-no-framing = Der er ingen indramning at vise endnu.
cycle-manage = Styr runden
cycle-open = Åbn runden
cycle-close = Afslut runden
cycle-states-help = En kladde ses kun af ledergruppen og HR. En åben runde ses af alle; intention og fokusmål ligger da fast, mens navn og datoer kan justeres. En afsluttet runde kan ikke ændres.
cycle-locked-help = Runden er åben, så intention og fokusmål ligger fast.
error-cycle-name-empty = Runden skal have et navn.
error-cycle-intention-empty = Skriv intentionen: hvad skal MUS bidrage til i år?
error-cycle-timeline-order = Datoerne skal komme i rækkefølge: forberedelse, samtaler, opfølgninger og til sidst evaluering.
error-cycle-state = Ukendt tilstand.
error-cycle-no-focus = En runde skal have mindst ét strategisk mål i fokus, før den åbnes.
error-cycle-goal = Et af fokusmålene er ikke et aktuelt mål i organisationen.
error-cycle-not-draft = Runden er åben, så intention og fokusmål kan ikke ændres.
error-cycle-closed = Runden er afsluttet og kan ikke ændres.
error-cycle-another-open = Der er allerede en åben MUS-runde. Afslut den først.
error-cycle-transition = Det skift er ikke muligt.
error-framing-not-your-unit = Du kan kun indramme runden for de enheder, du selv leder.
error-framing-not-open = Indramningen skrives, mens runden er åben.
audit-cycle-created = MUS-runde oprettet
audit-cycle-changed = MUS-runde ændret
audit-cycle-state-changed = MUS-runde åbnet eller afsluttet
home-cycle = Årets MUS-runde
home-cycle-your-framing = Hensigten, som den gælder hos jer
goal-links-cycles = MUS-runder med målet i fokus

# Spørgeguider
nav-question-sets = Spørgeguider
question-sets-title = Spørgeguider
question-sets-intro = Spørgeguiden er rammen for forberedelsen, ordnet efter MOUSE: M for medarbejder, O for organisation, U for udvikling, S for samtale og E for effekt. Hver ændring gemmes som en ny version, så en samtale beholder de spørgsmål, den blev forberedt med.
question-sets-none = Der er ingen spørgeguider endnu. Opret en ud fra MOUSEs standardguide.
question-set-new = Ny spørgeguide
question-set-source = Tag udgangspunkt i
question-set-default = MOUSEs standardguide
question-set-version = Version
question-set-count = Spørgsmål
question-set-version-n = version { $version }
question-set-with-version = { $name } (version { $version })
question-set-history = Versioner
question-set-versioning-help = Hver ændring gemmes som en ny version. Samtaler, der allerede er forberedt, beholder deres version.
question-section-empty = Ingen spørgsmål i dette afsnit.
question-kind = Svartype
question-kind-text = fritekst
question-kind-scale = skala 1–5
question-kind-goals = vælg strategiske mål
question-text-da = Spørgsmål på dansk
question-text-en = Spørgsmål på engelsk
question-low-da = Skalaens 1 (dansk)
question-low-en = Skalaens 1 (engelsk)
question-high-da = Skalaens 5 (dansk)
question-high-en = Skalaens 5 (engelsk)
question-add = Tilføj et spørgsmål
question-remove = Fjern
question-move-up = Flyt op
section-m = M – Medarbejder
section-o = O – Organisation
section-u = U – Udvikling
section-s = S – Samtale
section-e = E – Effekt
cycle-question-set = Spørgeguide
cycle-no-question-set = Ingen spørgeguide valgt endnu
error-question-section = Ukendt afsnit.
error-question-kind = Ukendt svartype.
error-question-text = Skriv spørgsmålet både på dansk og på engelsk.
error-question-scale = En skala skal have ord for begge ender, på dansk og på engelsk.
error-question-set-name = Spørgeguiden skal have et navn.
error-question-set-changed = Spørgeguiden er blevet ændret, siden du åbnede siden. Se den nye version, og prøv igen.
error-cycle-question-set = Spørgeguiden findes ikke i organisationen.

# Samtaler og planlægning
overview-title = Overblik over samtalerne
stage-not-scheduled = ikke planlagt
stage-scheduled = planlagt
stage-cancelled = aflyst
conversation-title = MUS-samtale med { $name }
conversation-appointment = Aftalen
conversation-when = Tidspunkt
conversation-place = Sted
conversation-video = Videolink
conversation-duration = Varighed (minutter)
conversation-deadline = Forberedelsen deles senest
conversation-host = Leder
conversation-agenda = Note til dagsordenen
conversation-ics = Hent kalenderinvitation (.ics)
conversation-not-scheduled = Samtalen er ikke planlagt endnu.
conversation-cancelled = Samtalen er aflyst.
conversation-proposal = Forslag til et andet tidspunkt
conversation-proposed = Medarbejderen foreslår { $when }
conversation-accept = Accepter det foreslåede tidspunkt
conversation-propose = Foreslå et andet tidspunkt
conversation-new-time = Nyt tidspunkt
conversation-note = Bemærkning (valgfri)
conversation-propose-submit = Send forslaget
conversation-schedule = Planlæg samtalen
conversation-reschedule = Flyt eller ret samtalen
conversation-save-schedule = Gem aftalen
conversation-cancel = Aflys samtalen
minutes = { $count ->
    [one] { $count } minut
   *[other] { $count } minutter
}
home-your-conversation = Din MUS-samtale er { $when }, { $place }.
home-see-conversation = Se samtalen
invitation-summary = MUS-samtale: { $employee } og { $leader }
invitation-description = MUS-samtale i { $cycle }. Del din forberedelse senest { $deadline }. { $agenda }
error-schedule-time = Tidspunktet er ikke gyldigt.
error-schedule-duration = Varigheden skal være mellem 15 minutter og 8 timer.
error-schedule-link = Videolinket skal være en webadresse, der begynder med https://.
error-schedule-place = Angiv et sted eller et videolink.
error-schedule-window = Tidspunktet ligger uden for rundens periode for samtaler.
error-schedule-deadline = Fristen for forberedelsen skal ligge før samtalen.
error-schedule-cycle = Samtaler planlægges, mens runden er åben.
error-schedule-not-scheduled = Samtalen er ikke planlagt.
error-schedule-cancelled = Samtalen er aflyst.
error-schedule-no-proposal = Der er intet forslag at acceptere.
overview-per-unit = Pr. enhed

# Forberedelse
error-prep-too-long = Et svar er for langt.
error-prep-scale = Et svar på en skala skal være mellem 1 og 5.
error-prep-goal = Et af de valgte mål hører ikke til runden.
error-prep-stale = Forberedelsen er ændret et andet sted (måske i en anden fane). Genindlæs siden for at se den nyeste udgave; din tekst herunder er ikke gemt.
prep-title = Forberedelse
prep-private = Din forberedelse er privat, indtil du deler den.
prep-you-shared = Du har delt din forberedelse.
prep-other-shared = { $name } har delt sin forberedelse.
prep-other-not-shared = { $name } har ikke delt sin forberedelse endnu.
prep-context = Årets intention og fokusmål
prep-saved-at = Gemt kl.
prep-unsaved = Ændringer gemmes …
prep-offline = Kunne ikke gemme – tjek forbindelsen. Din tekst står stadig her.
prep-autosave-help = Dine svar gemmes, mens du skriver.
prep-save = Gem kladde
prep-share = Del med { $name }
prep-no-answer = (intet svar)
prep-open = Forbered samtalen
error-prep-no-questions = Runden har ingen spørgeguide endnu. Bed HR om at vælge en.
error-prep-closed = Forberedelsen kan ikke ændres: runden er lukket, eller samtalen er aflyst.
done-shared = Din forberedelse er delt.
prep-side-by-side = Begge har delt: { $name }s svar står under dine.
done-scheduled = Aftalen er gemt, og kalenderinvitationen er opdateret.
done-proposed = Dit forslag er sendt til din leder.
done-accepted = Det foreslåede tidspunkt er accepteret.
done-declined = Forslaget er afvist; tidspunktet står ved magt.
done-cancelled = Samtalen er aflyst.
conversation-decline = Behold det nuværende tidspunkt
conversation-cancel-confirm = Vil du aflyse samtalen? Begge parter får en aflysning i kalenderen.
question-remove-confirm = Vil du fjerne spørgsmålet? Det gemmes som en ny version af guiden.
goal-delete-confirm = Vil du slette målet?
overview-proposal-waiting = forslag til nyt tidspunkt venter
error-cycle-name-taken = En anden MUS-runde hedder allerede sådan.
import-column-name = navn
import-column-first-name = fornavn
import-column-last-name = efternavn
import-column-email = e-mail
import-column-job-title = stilling
import-column-unit = enhed (eller afdeling)
import-column-leader-email = leders e-mail
question-scale-help = Kun for en skala: ordene for 1 og 5.
field-headcount-total = I alt med underenheder

# Psykologisk kontrakt
contract-title = Psykologisk kontrakt
contract-intro = Skriv kontrakten sammen: hvad medarbejderen kan regne med her, hvad der forventes af medarbejderen, og hvad medarbejderen kan forvente af organisationen. Begge bekræfter den.
contract-count-on = Det kan du regne med her
contract-expected = Det forventes af dig
contract-from-organisation = Det kan du forvente af organisationen
contract-one-per-line = Ét punkt pr. linje
contract-changes = Ændringer siden sidste år
contract-change-unchanged = uændret
contract-change-added = ny
contract-change-changed = ændret
contract-change-removed = fjernet
contract-changed-from = { $after } (før: { $before })
contract-confirm = Bekræft kontrakten
contract-confirm-help = Enhver ændring af punkterne kræver, at begge bekræfter igen.
contract-confirmed-both = Begge har bekræftet kontrakten.
contract-employee-confirmed = Medarbejderen har bekræftet.
contract-leader-confirmed = Lederen har bekræftet.
contract-unconfirmed = Ingen har bekræftet kontrakten endnu.
error-contract-too-long = Et punkt er for langt (højst 500 tegn).
error-contract-too-many = For mange punkter i en liste (højst 30).
error-contract-stale = Den anden part har ændret kontrakten imens. Din tekst står herunder; genindlæs for at se deres ændringer, og gem igen.
contract-back = Tilbage til samtalen
agenda-title = Dagsorden
agenda-empty = Ingen punkter endnu. Begge kan sætte punkter på.
agenda-add = Sæt på dagsordenen
agenda-placeholder = Et punkt, du vil tale om
agenda-remove = Fjern
error-agenda-text = Et punkt på dagsordenen skal have en tekst på højst 300 tegn.
error-agenda-full = Dagsordenen har allerede 30 punkter.

## Competence catalogue
nav-competences = Kompetencer
competences-title = Kompetencekatalog
competences-intro = De kompetencer, organisationen udvikler hos sine medarbejdere. Udviklingsmål i udviklingsaftalerne vælger deres kompetencer herfra. HR vedligeholder kataloget.
competences-none = Kataloget er tomt endnu.
competence-new-title = Ny kompetence
competence-edit-title = Redigér kompetence
competence-serves = Understøtter de strategiske mål
competence-retired = udgået
competence-retire = Udgået
competence-retire-help = En udgået kompetence bliver stående i de aftaler, der nævner den, men tilbydes ikke i nye.
error-competence-name = Giv kompetencen et navn.
error-competence-name-taken = Kataloget har allerede en kompetence med det navn.
audit-competence-created = Kompetence oprettet
audit-competence-changed = Kompetence ændret

## Holding the conversation
stage-preparing = forberedes
stage-held = holdt
stage-agreed = aftalt
conversation-held-at = Samtalen blev holdt { $at }.
conversation-hold = Markér samtalen som holdt
conversation-hold-confirm = Er samtalen holdt? Tidspunktet kan derefter ikke flyttes.
conversation-hold-help = Når samtalen er holdt, kan I begge underskrive udviklingsaftalen.
done-held = Samtalen er markeret som holdt.
error-schedule-held = Samtalen er holdt; dens tidspunkt kan ikke ændres.
error-schedule-not-yet = Samtalen kan først markeres som holdt på dagen for samtalen.

## Development agreement
agreement-title = Udviklingsaftale
agreement-intro = Udviklingsmålene, handlingerne og det, organisationen bidrager med. I skriver den sammen og underskriver den begge, når samtalen er holdt.
agreement-signatures = Underskrifter
agreement-signed-by = { $name } underskrev { $at }.
agreement-not-signed-by = { $name } har ikke underskrevet endnu.
agreement-signed-both = Aftalen er underskrevet af jer begge.
agreement-amend-help = En ændring er nu et tillæg, som den anden skal godkende eller afvise.
agreement-sign-after-held = Aftalen underskrives, når samtalen er markeret som holdt.
agreement-sign = Underskriv aftalen
agreement-pending = Tillæg til godkendelse
agreement-proposed-by = foreslået af { $name } { $at }
agreement-accept = Godkend tillægget
agreement-reject = Afvis tillægget
agreement-withdraw = Træk tillægget tilbage
agreement-accepted-by = godkendt af { $name } { $at }
agreement-rejected-by = afvist af { $name } { $at }
agreement-withdrawn-by = trukket tilbage af { $name } { $at }
agreement-history = Tillæg
agreement-goals = Udviklingsmål
agreement-no-goals = Ingen udviklingsmål endnu.
agreement-red-thread = Den røde tråd – strategiske mål
agreement-red-thread-help = Vælg mindst ét strategisk mål, som udviklingsmålet bidrager til.
agreement-focus = årets fokus
agreement-competences = Kompetencer
agreement-success = Succeskriterium
agreement-success-placeholder = Hvilken effekt forventer vi? Hvordan kan vi se det?
agreement-goal-title = Udviklingsmål
agreement-priority = Prioritet
agreement-priority-high = høj
agreement-priority-medium = middel
agreement-priority-low = lav
agreement-action = Handling
agreement-action-course = Kursus
agreement-action-on-the-job = Læring i jobbet
agreement-action-mentoring = Mentor/sparring
agreement-action-project = Projekt
agreement-action-other = Andet
agreement-kind = Type
agreement-owner = Ansvarlig
agreement-due = Frist
agreement-due-optional = Frist (valgfri)
agreement-status = Status
agreement-progress-planned = planlagt
agreement-progress-started = i gang
agreement-progress-done = gennemført
agreement-progress-dropped = opgivet
agreement-update = Opdatér
agreement-remove = Fjern
agreement-someone = (en tidligere kollega)
agreement-add-goal = Tilføj udviklingsmål
agreement-change-goal = Redigér udviklingsmålet
agreement-remove-goal = Fjern udviklingsmålet
agreement-add-action = Tilføj handling
agreement-propose = Foreslå tillægget
agreement-propose-goal = Foreslå et nyt udviklingsmål
agreement-propose-change-goal = Foreslå en ændring af målet
agreement-propose-remove-goal = Foreslå at fjerne målet
agreement-propose-action = Foreslå en ny handling
agreement-propose-commitment = Foreslå et nyt bidrag fra organisationen
agreement-commitments = Organisationens bidrag
agreement-commitments-help = Det, organisationen gør, for at målene kan nås: tid, budget, en kursusplads, en ændret opgave, en mentor. Ansvarlig er lederen eller en, lederen udpeger.
agreement-no-commitments = Ingen bidrag aftalt endnu.
agreement-commitment = Bidrag
agreement-commitment-time = Tid
agreement-commitment-budget = Budget
agreement-commitment-course-place = Kursusplads
agreement-commitment-assignment = Ændret opgave
agreement-commitment-mentor = Mentor
agreement-commitment-other = Andet
agreement-add-commitment = Tilføj bidrag
agreement-edit-add-goal = Nyt udviklingsmål: { $title }
agreement-edit-change-goal = Udviklingsmålet »{ $title }« ændres (nu: { $new })
agreement-edit-remove-goal = Udviklingsmålet »{ $title }« fjernes
agreement-edit-add-action = Ny handling til »{ $title }«: { $text }
agreement-edit-remove-action = Handlingen »{ $text }« under »{ $title }« fjernes
agreement-edit-add-commitment = Nyt bidrag fra organisationen: { $text }
agreement-edit-remove-commitment = Bidraget »{ $text }« fjernes
done-signed = Du har underskrevet aftalen.
done-amendment-proposed = Tillægget er foreslået; den anden part godkender eller afviser det.
error-agreement-title = Giv udviklingsmålet en overskrift.
error-agreement-success = Skriv succeskriteriet: hvilken effekt forventer I?
error-agreement-no-goal = Knyt udviklingsmålet til mindst ét strategisk mål.
error-agreement-text = Skriv, hvad det drejer sig om.
error-agreement-too-many = Aftalen kan ikke rumme flere af den slags.
error-agreement-stale = Aftalen er ændret af den anden part, mens du skrev. Se den igen – det du skrev, står stadig i formularen.
error-agreement-pending = Et tillæg venter på svar. Besvar det, før der foreslås et nyt.
error-agreement-no-amendment = Der er intet tillæg at besvare.
error-agreement-own-amendment = Dit eget tillæg besvares af den anden part; du kan trække det tilbage.
error-agreement-not-held = Aftalen underskrives, når samtalen er holdt.
error-agreement-empty = Tilføj mindst ét udviklingsmål, før aftalen underskrives.
error-agreement-signed = Du har allerede underskrevet.
error-agreement-not-live = Samtalen er ikke planlagt eller er aflyst.

## Shared notes
notes-title = Noter fra samtalen
notes-placeholder = Fælles noter, som I begge kan se og skrive i.
notes-save = Gem noterne
error-notes-stale = Noterne er ændret af den anden part, mens du skrev. Din tekst står herunder; læg den sammen med den nye og gem igen.
print-open = Udskriftsvenlig aftale
agreement-unsaved = Det du skrev, blev ikke gemt:

## Strategic dialogue
dialogue-title = Strategisk dialog
dialogue-intro-employee = Hvordan ser du årets fokusmål fra din plads? Skriv det, du vil tage op, og vælg for hvert mål, hvem der må læse det: kun jer to, ledergruppen med dit navn, eller ledergruppen uden navn. Uden navn vises det kun sammen med mindst fire andres.
dialogue-intro-leader = { $name }s syn på årets fokusmål. Det er { $name }, der skriver her og vælger, hvem der må læse det.
dialogue-no-goals = Årets MUS-runde har ingen fokusmål, der vedrører denne medarbejder.
dialogue-contribution = Hvordan ser du dit eget bidrag til målet?
dialogue-hard = Hvad gør det svært at handle efter målet i konkrete situationer?
dialogue-what-then = Hvad bør du så gøre i de situationer?
dialogue-opportunities = Muligheder, du ser
dialogue-barriers = Barrierer, du ser
dialogue-clarity = Hvor tydeligt er målet for dig?
dialogue-clarity-low = helt utydeligt
dialogue-clarity-high = helt tydeligt
dialogue-visibility = Hvem må læse det?
dialogue-visibility-conversation = Kun denne samtale
dialogue-visibility-named = Ledergruppen, med mit navn
dialogue-visibility-anonymous = Ledergruppen, uden navn
error-dialogue-clarity = Tydeligheden angives fra 1 til 5.
feedback-title = Strategisk feedback
feedback-intro = Det, medarbejderne har valgt at dele med ledergruppen i deres MUS-samtaler, mål for mål. Feedback uden navn vises aldrig med navn og kun i hele hold af { $threshold } personer, i den rækkefølge de delte, så et nyt svar aldrig skiller sig ud som det seneste.
feedback-show = Vis
feedback-none = Runden har ingen fokusmål.
feedback-nothing-on-goal = Ingen har delt noget om dette mål endnu.
feedback-clarity-average = Målets tydelighed (uden navn): { $average } af 5, { $count } svar
feedback-clarity-one = tydelighed { $clarity } af 5
feedback-held-back = { $count } svar uden navn holdes tilbage, til der er et helt hold på { $threshold } personer.
feedback-anonymous = Uden navn
feedback-all-goals = Alle fokusmål
feedback-all-items = Læs alle { $count } svar om målet
print-title = Udviklingsaftale – { $name }, { $cycle }
print-now = Udskriv
print-employee = Medarbejder
print-leader = Leder
print-cycle = MUS-runde
print-signed = Underskrevet { $at }
print-not-signed = Ikke underskrevet
agreement-done-count = { $done } af { $total } handlinger gennemført
prep-framing-of = Rammen for { $unit }
last-year-title = Sidste års aftale ({ $cycle })
last-year-help = Samtalen starter her: hvordan gik det med hvert mål, og hvad tager vi med videre?
last-year-open = Sidste års aftale

## Red thread
thread-title = Min røde tråd
thread-intro = Fra organisationens strategiske mål, gennem din enheds mål, til dine egne udviklingsmål, handlingerne under dem og hvordan de står.
thread-none = Du har ingen udviklingsmål endnu. De kommer med udviklingsaftalen fra din MUS-samtale.
thread-signed = underskrevet
thread-draft = udkast

## Settings
nav-settings = Indstillinger
settings-title = Fortrolighed
settings-intro = Organisationens egne regler for, hvad der bliver set og gemt.
settings-threshold = Anonymitetsgrænse
settings-threshold-help = Feedback uden navn vises først for ledergruppen, når mindst så mange forskellige personer har givet den på et mål. Mindst 3.
settings-retention = Opbevaring af private kladder (dage)
settings-retention-help = En forberedelse, der aldrig blev delt, slettes helt så mange dage efter, at samtalen er holdt. 0 sletter den ved næste oprydning.
error-settings-threshold = Anonymitetsgrænsen skal være et helt tal fra 3 til 100.
error-settings-retention = Opbevaringen skal være et helt antal dage fra 0 til 3650.
audit-settings-changed = Indstillinger ændret
prep-keep-title = Hvad skal gemmes af din forberedelse?
prep-keep-help = Samtalen er holdt. Du bestemmer, hvilke af dine svar der gemmes. Fjern fluebenet ved det, der skal slettes – det slettes helt og kan ikke hentes tilbage.
prep-keep-confirm = De svar uden flueben slettes helt. Fortsæt?
prep-keep-submit = Gem mit valg
error-prep-keep = Du kan vælge, hvad der gemmes af din forberedelse, når samtalen er holdt.
error-prep-keep-stale = Forberedelsen er ændret imens. Se siden igen, og vælg igen.
agreement-propose-remove = Foreslå at fjerne
prep-focus-badge = årets fokus
prep-focus-help = Årets fokusspørgsmål står først. De øvrige er valgfrie – svar på dem, hvis du har noget at sige.
prep-optional-questions = { $count ->
    [one] { $count } valgfrit spørgsmål
   *[other] { $count } valgfrie spørgsmål
}
cycle-focus-questions = Årets fokusspørgsmål
cycle-focus-questions-help = Markér nogle få spørgsmål, som alle skal forholde sig til i år. Resten af spørgsmålene bliver valgfrie i forberedelsen.
error-focus-too-many = Markér højst { $max } fokusspørgsmål, så forberedelsen forbliver let.
share-hr-title = Del med HR
share-hr-help = HR ser kun, at samtalen er holdt, og hvornår – aldrig indholdet. Vil du have HR's hjælp, fx til et kursus, kan du dele udvalgte dele her og trække dem tilbage igen.
share-hr-agreement = Udviklingsaftalen
share-hr-contract = Den psykologiske kontrakt
share-hr-read = Delt med HR
progress-note = Bemærkning (valgfri)

## My actions
my-actions-title = Mine opgaver
my-actions-intro = Det, du står som ansvarlig for i udviklingsaftaler: dine egne handlinger og det, organisationen har lovet, når du er udpeget. Sig her, hvordan det står; hver opdatering gemmes.
my-actions-none = Du står ikke som ansvarlig for noget i en udviklingsaftale.
my-actions-agreement = Aftale

## Follow-ups
followup-title = Opfølgning
followup-heading = Opfølgning { $due }
followup-list = Opfølgning
followup-none = Ingen opfølgninger planlagt. Tilføj en dato.
followup-planned = planlagt
followup-held-at = Holdt { $at }.
followup-intro = Gå aftalen igennem mål for mål: hvor langt er I, hvordan står det, og hvad siger I hver især?
followup-progress = Hvor langt er vi?
followup-reason = Hvorfor opgivet? (kun ved opgivet)
followup-my-note = Min bemærkning
followup-move = Flyt opfølgningen til
followup-move-submit = Flyt
followup-hold = Markér opfølgningen som holdt
followup-hold-help = Når opfølgningen er holdt, står det registrerede som historik.
followup-hold-confirm = Er opfølgningen holdt? Det registrerede kan derefter ikke ændres.
followup-add = Tilføj opfølgning
followup-status-on-track = på sporet
followup-status-at-risk = i fare
followup-status-done = nået
followup-status-dropped = opgivet
error-followup-reason = Skriv, hvorfor målet er opgivet.
error-followup-stale = Opfølgningen er ændret af den anden part, mens du skrev. Din tekst står stadig i formularen; gem igen.
error-followup-held = Opfølgningen er holdt og kan ikke ændres.
error-followup-not-signed = Opfølgninger planlægges, når aftalen er underskrevet af jer begge.
settings-stale = En aftale går i skuffen efter (dage uden aktivitet)
settings-stale-help = Sker der intet på en underskrevet aftale så længe, eller er en handling over sin frist, vises den for medarbejder og leder som en aftale, der er ved at gå i skuffen.
settings-escalate = Derefter ser lederens leder den efter (dage)
settings-escalate-help = Er aftalen stadig gået i stå så mange dage senere, ser lederens egen leder den også. Organisationens egne overskredne løfter går straks videre til lederens leder og HR.
error-settings-patience = Perioderne skal være et helt antal dage fra 1 til 730.

## Drawer detector
nav-follow-through = Opfølgning
follow-through-title = Opfølgningsliste
follow-through-intro = Først holdte samtaler, hvor aftalen endnu ikke er underskrevet af begge efter to uger; så de underskrevne udviklingsaftaler, de mest presserende først: organisationens egne overskredne løfter, så handlinger over frist, så aftaler, hvor der længe intet er sket. En aftale forlader listen, når medarbejderen underskriver den næste: den nye samtale tog udgangspunkt i den og genforhandlede den.
follow-through-per-unit = Pr. enhed
follow-through-agreements = Aftaler
follow-through-stale = Ved at gå i skuffen
follow-through-escalated = Sendt videre
follow-through-none = Ingen underskrevne aftaler endnu.
drawer-title = Aftaler, der er ved at gå i skuffen
drawer-stale = ved at gå i skuffen
drawer-escalated = sendt videre til lederens leder
drawer-fresh = i gang
drawer-overdue-actions = { $count ->
    [one] { $count } handling over frist
   *[other] { $count } handlinger over frist
}
drawer-overdue-commitments = { $count ->
    [one] { $count } af organisationens løfter over frist
   *[other] { $count } af organisationens løfter over frist
}
drawer-quiet = { $count ->
    [one] ingen aktivitet i { $count } dag
   *[other] ingen aktivitet i { $count } dage
}
drawer-more = { $count ->
    [one] og { $count } aftale mere, som du får besked om: se opfølgningslisten
   *[other] og { $count } aftaler mere, som du får besked om: se opfølgningslisten
}

## Calendar feed
calendar-title = Min kalender
calendar-intro = Abonnér på dine MUS-samtaler, opfølgninger og frister i din egen kalender (Outlook, Google, Apple). Adressen er hemmelig: den, der har den, kan se datoerne og overskrifterne.
calendar-none = Du har ingen kalenderadresse.
calendar-active = Din kalenderadresse blev lavet { $at }.
calendar-fresh = Her er din nye adresse. Kopiér den ind i din kalender nu – den vises kun denne ene gang.
calendar-address = Kalenderadresse
calendar-create = Lav en kalenderadresse
calendar-renew = Lav en ny adresse
calendar-renew-confirm = Den gamle adresse holder op med at virke. Fortsæt?
calendar-revoke = Luk adressen
calendar-name = MOUSE – { $name }
calendar-conversation = MUS-samtale med { $name }
calendar-follow-up = Opfølgning med { $name }
calendar-deadline = Frist: { $text }

## Reminder mails
mail-body = Hej { $name }

    { $text }

    Se mere i MOUSE: { $link }

    Du kan vælge, hvilke påmindelser du får, under Påmindelser på din forside.
mail-tomorrow-subject = I morgen: din MUS-samtale
mail-tomorrow = Du har MUS-samtale med { $name } { $when }. Invitationen er vedhæftet.
mail-preparation-subject = Husk at forberede din MUS-samtale
mail-preparation = Fristen for at forberede samtalen er { $deadline }, og du er ikke gået i gang endnu. Det tager under en time.
mail-action-subject = En handling i din udviklingsaftale
mail-action-soon = »{ $text }« har frist { $due }.
mail-action-overdue = »{ $text }« skulle have været klar { $due }. Sig, hvordan det står, eller aftal en ny dato.
mail-follow-up-subject = Opfølgning på udviklingsaftalen
mail-follow-up = Der er opfølgning på udviklingsaftalen { $due }.
mail-stale-subject = En udviklingsaftale er ved at gå i skuffen
mail-stale = Udviklingsaftalen med { $name } er gået i stå: en handling er over frist, eller der er længe ikke sket noget. Tag den op igen.
reminders-title = Påmindelser
reminders-intro = MOUSE minder dig om det, der nærmer sig, på e-mail – på dit eget sprog, med et link direkte til siden. Vælg, hvad du vil have.
reminders-legend = Send mig en e-mail, når
reminders-kind-preparation = fristen for at forberede en samtale nærmer sig, og jeg ikke er gået i gang
reminders-kind-tomorrow = jeg har en samtale i morgen (med invitation til kalenderen)
reminders-kind-action = en handling, jeg er ansvarlig for, har frist inden for en uge eller er over frist
reminders-kind-follow-up = der er opfølgning på en udviklingsaftale inden for en uge
reminders-kind-stale = en udviklingsaftale, jeg er part i, er ved at gå i skuffen
drawer-complete = opfyldt
followup-set-by = Fremskridt og status sidst sat af { $name }
followup-shared-help = Fremskridt og status deler I; bemærkningen er din egen.

## Evaluating the conversation
evaluation-title = Evaluering af samtalen
evaluation-open = Evaluér samtalen
evaluation-intro = Hvordan gik samtalen med { $name }? Svar fra 1 til 5.
evaluation-privacy-employee = Din leder ser aldrig din evaluering alene – kun gennemsnit af mindst { $threshold } medarbejderes svar.
evaluation-privacy-leader = Dine svar indgår i organisationens tal for, hvordan samtalerne går; medarbejderen ser dem ikke.
evaluation-q-equals = Samtalen var en dialog mellem ligeværdige
evaluation-q-strategy = Samtalen gjorde koblingen til strategien tydelig
evaluation-q-priorities = Udviklingen blev prioriteret godt
evaluation-q-worth = Samtalen var tiden værd
evaluation-low = slet ikke
evaluation-high = i høj grad
evaluation-comment = Kommentar (valgfri)
evaluation-send = Send evalueringen
evaluation-final = En evaluering kan ikke ændres, når den er sendt.
evaluation-given = Du evaluerede samtalen { $at }.
evaluation-not-held = Samtalen kan evalueres, når den er holdt.
error-evaluation-missing = Svar på alle fire spørgsmål.
error-evaluation-range = Svarene går fra 1 til 5.
error-evaluation-not-held = Samtalen kan først evalueres, når den er holdt.
error-evaluation-given = Du har allerede evalueret samtalen; en evaluering kan ikke ændres.
evaluations-title = Sådan oplever medarbejderne dine samtaler
evaluations-intro = Medarbejdernes evalueringer af de samtaler, du har holdt. Tallene vises i hele blokke af { $threshold } svar, i den rækkefølge svarene kom, så ingen enkelt medarbejders svar kan udledes – heller ikke ved at sammenligne før og efter.
evaluations-none = Ingen medarbejdere har evalueret dine samtaler endnu.
evaluations-held-back = { $received } svar indtil nu; tallene vises, når der er { $threshold }.
evaluations-shown = Tallene bygger på { $shown } af { $received } svar.
evaluations-waiting = { $count } nyere svar venter, til der er { $threshold } nye.
evaluations-caption = Svar pr. spørgsmål (1 = slet ikke, 5 = i høj grad)
evaluations-question = Spørgsmål
evaluations-average = Gennemsnit
evaluations-spread = Fordeling
evaluations-chart-label = Fordeling af svarene; gennemsnit { $average }
evaluations-comments = Kommentarer

## Effect dashboards
nav-effect = Effekt
effect-title = Effekt
effect-intro = Virkede samtalerne? Dækning af runden, opfølgning på aftalerne, den røde tråd fra strategien til udviklingen og de nåede mål – for den valgte runde og runden før. Hvert tal kan åbnes.
effect-scope = Hvem
effect-scope-me = Mig selv
effect-cycle = Runde
effect-show = Vis
effect-people = { $count ->
    [one] { $count } person
   *[other] { $count } personer
}
effect-export = Hent som CSV
effect-coverage = Dækning
effect-follow-through = Opfølgning
effect-outcomes = Resultater
effect-figure = Tal
effect-chart = Sammenligning
effect-part-of = { $part } af { $whole }
effect-scheduled = Samtaler planlagt
effect-held = Samtaler holdt
effect-held-on-time = Holdt inden for runden
effect-signed = Udviklingsaftaler underskrevet
effect-actions-done = Handlinger gennemført
effect-actions-on-time = Handlinger gennemført til tiden
effect-overdue = Handlinger over frist
effect-follow-ups-held = Opfølgningsmøder holdt (af dem, der var forfaldne)
effect-stale = Aftaler ved at gå i skuffen
effect-achieved = Udviklingsmål nået
effect-red-thread = Den røde tråd
effect-red-thread-intro = Hvor mange udviklingsmål tjener hvert strategisk mål (direkte eller gennem et mål under det), og hvor mange forskellige kompetencer de bygger.
effect-gaps = Fokusmål, som intet udviklingsmål tjener: { $goals }.
effect-goal = Strategisk mål
effect-dev-goals = Udviklingsmål
effect-competences = Kompetencer
effect-in-focus = i fokus
effect-parts-title = Hvad tallet består af
effect-back = Tilbage til effekt
effect-parts-none = Der er intet at tælle her.
effect-item = Hvad
effect-counted = Tæller med
effect-yes = ja
effect-no = nej
effect-csv-scope = Hvem
effect-csv-cycle = Runde
effect-csv-figure = Tal
effect-csv-part = Del
effect-csv-whole = Helhed
effect-csv-percent = Procent
effect-csv-thread = Udviklingsmål, der tjener »{ $goal }«
effect-answers = Evaluering og strategiens klarhed
effect-answers-intro = Gennemsnit på en skala fra 1 til 5 af medarbejdernes og ledernes evaluering af samtalerne og af, hvor klart fokusmålene står for medarbejderne (kun det, de har delt med ledelsen). Tallene vises først, når runden er lukket, og kun for en gruppe med mindst { $threshold } svar, som heller ikke kan trækkes fra en anden vist gruppe, så der bliver færre end { $threshold } tilbage.
effect-eval-employees = Medarbejderne: { $question }
effect-eval-leaders = Lederne: { $question }
effect-clarity = Klarhed: { $goal }
effect-average = { $average } ({ $count } svar)
effect-withheld-open = vises, når runden er lukket
effect-withheld-few = for få svar til at blive vist
evaluation-closed = Runden er lukket, så samtalen kan ikke længere evalueres; rundens tal er endelige.
error-evaluation-closed = Runden er lukket: dens evalueringer er endelige.

## Effect intentions
intentions-title = Ønsket effekt
intentions-back = Tilbage til { $cycle }
intentions-intro = Hvad skal runden gøre en forskel på? Sæt nogle få målbare hensigter, der knytter sig til rundens hensigt og fokusmål. Effekt-siderne viser den målte værdi ved siden af målet – for hele organisationen og for hver enhed.
intentions-none = Ingen ønsket effekt er sat endnu.
intentions-text = Hensigt
intentions-metric = Måles som
intentions-target = Mål
intentions-target-help = Procent (0–100) for andele, 1–5 for evalueringer.
intentions-add = Tilføj hensigten
intentions-delete = Fjern
intentions-delete-confirm = Fjern denne hensigt?
intentions-open = Ønsket effekt
intention-metric-share = Andel: { $figure }
intention-metric-served = Andel af udviklingsmålene, der tjener »{ $goal }«
intention-metric-evaluation = Medarbejdernes evaluering: { $question }
error-intention-text = Beskriv hensigten.
error-intention-target = Målet skal være en procent fra 0 til 100 – eller for evalueringer et tal fra 1 til 5.
effect-intentions = Ledelsens ønskede effekt
effect-intentions-none = Ledelsen har ikke sat en ønsket effekt for { $cycle }.
effect-measured = Målt
effect-met = nået
effect-not-met = ikke nået
effect-not-measured = kan ikke måles endnu
effect-status = Status

## Strategic insight: responding to feedback
feedback-counts = Delt af { $people }: barrierer { $barriers } · muligheder { $opportunities } · konkrete dilemmaer { $dilemmas }.
feedback-per-unit = Pr. enhed (kun hvor ingen kan udpeges)
feedback-people = Personer
insight-respond = Svar og send videre
insight-taken-up = taget op
insight-taken-up-label = Ledelsen tager det op
insight-answer = Ledelsens svar
insight-route = Send videre til enheden
insight-route-none = Ingen enhed
insight-save = Gem svaret
insight-routed-to = Sendt videre til { $unit }
insight-leadership-response = Ledelsens svar på det, du delte
routed-title = Feedback sendt videre til dine enheder
routed-intro = Det, medarbejderne har delt med ledelsen, og som ledelsen har sendt videre til en enhed, du leder – med ledelsens svar. Det, der blev givet uden navn, står uden navn.
routed-none = Ledelsen har ikke sendt feedback videre til dine enheder.

## The joint committee's yearly evaluation
report-title = Årlig evaluering til MED-udvalget
report-intro = Rundens samtaler og kompetenceudvikling enhed for enhed: fik alle medarbejdere deres samtale og en skriftlig, aftalt udviklingsaftale, hvordan blev aftalerne fulgt op, hvilken effekt blev målt, og hvad rejste den strategiske feedback. Ingen person kan udpeges.
report-made = Udarbejdet { $at }. Enheder og svar vises kun, hvor mindst { $threshold } personer indgår.
report-units = Enhed for enhed
report-hidden = { $count } enheder har for få personer til at stå alene; de indgår i tallene for enheden over dem.
report-feedback-title = Hvad den strategiske feedback rejste
report-feedback = Delt med ledelsen af { $people }: barrierer { $barriers } · muligheder { $opportunities } · konkrete dilemmaer { $dilemmas }. Taget op af ledelsen: { $taken } · besvaret: { $answered } · svar uden navn, der holdes tilbage: { $held }.
effect-no-answers = ingen svar
report-feedback-none = Ingen har delt feedback om målet med ledelsen.
effect-serving = Udviklingsmål, der tjener »{ $goal }«
evaluations-csv-answers = Svar i tallene
feedback-csv-goal = Fokusmål
feedback-csv-name = Navn
effect-trend = Udviklingen over runderne
drawer-unsigned = { $count ->
    [one] holdt for { $count } dag siden
   *[other] holdt for { $count } dage siden
}
drawer-unsigned-leader = aftalen mangler lederens underskrift
drawer-unsigned-employee = aftalen mangler medarbejderens underskrift
drawer-unsigned-both = der er ingen underskrevet aftale
follow-through-unsigned = Holdte samtaler uden underskrevet aftale
follow-through-unsigned-longest = Viser de { $shown }, der har ventet længst, af { $total }.
follow-through-count = { $count ->
    [one] Én aftale
   *[other] { $count } aftaler
}
follow-through-signed = Underskrevne aftaler
home-conversation-held = Din MUS-samtale blev holdt { $when }.
home-conversation-overdue = Din MUS-samtale var sat til { $when }, { $place } – den er endnu ikke markeret som holdt.

## All conversations, by stage
conversation-list-title = Samtaler
conversation-list-every-cycle = Alle runder
conversation-list-none = Ingen samtaler endnu.
conversation-list-employee = Medarbejder
conversation-list-count = { $count ->
    [one] Én samtale
   *[other] { $count } samtaler
}
