package extract

// Word lists the rules use. They are general English function words and
// news-register vocabulary, not names: names come from the NER model and the
// Gazetteer.

import "strings"

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// cueLemmas maps attribution verbs (lemmas) to true. A cue becomes a claim
// when it has content: a clausal complement, a quote or a clause it is
// attached to ("..., X said").
var cueLemmas = set(
	"say", "state", "tell", "add", "note", "claim", "assert", "assess",
	"estimate", "indicate", "suggest", "report", "cite", "warn", "urge",
	"confirm", "deny", "reiterate", "announce", "declare", "explain",
	"insist", "argue", "acknowledge", "admit", "allege", "believe",
	"conclude", "contend", "emphasize", "emphasise", "stress", "write",
	"predict", "reveal", "maintain", "mention", "observe", "reply",
	"respond", "show", "signal", "testify", "think", "caution", "vow",
	"pledge", "promise", "threaten", "accuse", "disclose", "tweet", "post",
	"recall", "comment", "speculate", "remark", "point", "stress",
	"underline", "underscore", "demand", "ask", "describe", "brief",
	"corroborate", "fear", "hope", "expect", "concede", "agree", "predict",
	"find",
)

// objectContentCues may take a plain noun phrase as their content
// ("confirmed the attack", "denied the reports").
var objectContentCues = set("confirm", "deny", "announce", "report", "reveal",
	"disclose", "corroborate", "acknowledge", "admit", "allege", "predict")

// xcompContentCues take "OBJ to VERB" as content ("urged allies to act").
var xcompContentCues = set("urge", "ask", "warn", "tell", "pledge",
	"promise", "vow", "threaten", "demand")

// collectiveNouns head a GROUP: a nationality or organisation modifier plus
// one of these nouns is a collective actor ("Brazilian forces").
var collectiveNouns = set(
	"troops", "troop", "forces", "force", "soldiers", "soldier", "officials",
	"official", "units", "unit", "militants", "militant", "police",
	"diplomats", "diplomat", "lawmakers", "lawmaker", "authorities",
	"army", "armies", "military", "militaries", "fighters", "fighter",
	"rebels", "rebel", "insurgents", "insurgent", "sources", "officers",
	"officer", "commanders", "commander", "negotiators", "investigators",
	"prosecutors", "regulators", "legislators", "leaders", "ministers",
	"politicians", "senators", "voters", "protesters", "protestors",
	"workers", "citizens", "nationals", "residents", "civilians",
	"refugees", "students", "doctors", "medics", "experts", "analysts",
	"intelligence", "agents", "spies", "personnel", "staff", "crew",
	"crews", "sailors", "pilots", "marines", "guards",
	"delegation", "delegations", "envoys", "representatives", "team",
	"teams", "players", "fans", "prisoners", "hostages", "mercenaries",
	"volunteers", "conscripts", "recruits", "battalions", "brigades",
	"divisions", "regiments", "squads", "contingent", "contingents",
	"allies", "partners", "coalition",
)

// militaryNouns are collective nouns whose groups merge with each other
// when they share a country ("X troops" = "X forces").
var militaryNouns = set("troops", "troop", "forces", "soldiers", "army",
	"military", "fighters", "personnel", "units", "contingent")

// titleWords are heads of job titles and roles.
var titleWords = set(
	"president", "minister", "secretary", "spokesperson", "spokesman",
	"spokeswoman", "chancellor", "premier", "king", "queen", "prince",
	"princess", "governor", "mayor", "senator", "congressman",
	"congresswoman", "representative", "ambassador", "envoy", "general",
	"admiral", "colonel", "commander", "chief", "director", "chairman",
	"chairwoman", "chair", "ceo", "head", "leader", "official", "adviser",
	"advisor", "aide", "prosecutor", "judge", "justice", "attorney",
	"lawyer", "analyst", "economist", "professor", "dr", "dr.", "captain",
	"lieutenant", "sergeant", "officer", "deputy", "vice", "foreign",
	"defence", "defense", "interior", "prime", "founder", "manager",
	"executive", "coach", "mp", "mep", "lawmaker", "diplomat", "pope", "emperor",
	"sheikh", "editor", "correspondent", "reporter", "researcher",
	"scientist", "spokesperson", "negotiator", "commissioner", "speaker",
	"treasurer", "auditor", "inspector", "superintendent", "sheriff",
	"chancellor", "dictator", "ruler", "monarch", "boss", "owner",
	"counterpart",
)

// leaderTitles are title heads that make the person the leader of the
// organisation or country in the title.
var leaderTitles = set("president", "premier", "king", "queen", "chancellor",
	"governor", "mayor", "ceo", "chairman", "chairwoman", "chair", "leader",
	"head", "chief", "director", "emperor", "pope", "monarch", "ruler",
	"dictator", "founder", "boss", "owner", "prime")

// leaderPhrases are multi-word leader titles checked on the lowercase title.
var leaderPhrases = []string{"prime minister", "head of state",
	"secretary general", "secretary-general", "director general",
	"director-general",
	"head of government", "chief executive", "supreme leader"}

// hedges map words to the certainty class they signal.
var hedgeClass = map[string]string{
	"likely": Likely, "probable": Likely, "probably": Likely,
	"expected": Likely, "expect": Likely, "assess": Likely,
	"presumably": Likely, "believe": Likely, "think": Likely,
	"may": Possible, "might": Possible, "could": Possible,
	"suggest": Possible, "reportedly": Possible, "possibly": Possible,
	"possible": Possible, "perhaps": Possible, "allegedly": Possible,
	"apparently": Possible, "potentially": Possible, "speculate": Possible,
	"allege": Possible, "rumoured": Possible, "rumored": Possible,
	"unconfirmed": Unconfirmed, "unverified": Unconfirmed,
	"uncorroborated": Unconfirmed,
	"deny":           Denied, "denied": Denied, "reject": Denied, "dismiss": Denied,
}

// verifyLemmas become "unconfirmed" when negated or under "cannot".
var verifyLemmas = set("confirm", "verify", "corroborate", "substantiate")

// negWords negate their head.
var negWords = set("not", "n't", "never", "no", "nt")

// collectivePronouns etc. classify pronouns for coreference.
var (
	malePronouns   = set("he", "him", "his", "himself")
	femalePronouns = set("she", "her", "hers", "herself")
	pluralPronouns = set("they", "them", "their", "theirs", "themselves")
	neuterPronouns = set("it", "its", "itself")
	firstPronouns  = set("i", "me", "my", "we", "us", "our")
)

// number words
var unitWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
	"twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}

var scaleWords = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
	"trillion": 1e12, "m": 1e6, "bn": 1e9, "k": 1e3, "mn": 1e6,
}

// currencies maps currency symbols and nouns to the unit written in figures.
var currencies = map[string]string{
	"$": "dollars", "us$": "dollars", "£": "pounds", "€": "euros",
	"¥": "yen", "₽": "rubles", "₹": "rupees",
	"dollar": "dollars", "dollars": "dollars", "pound": "pounds",
	"pounds": "pounds", "euro": "euros", "euros": "euros", "yen": "yen",
	"yuan": "yuan", "ruble": "rubles", "rubles": "rubles", "rouble": "rubles",
	"roubles": "rubles", "rupee": "rupees", "rupees": "rupees",
	"hryvnia": "hryvnias", "hryvnias": "hryvnias", "usd": "dollars",
	"gbp": "pounds", "eur": "euros",
}

var percentWords = set("%", "percent", "per cent", "pct", "percentage")

var ageWords = set("aged", "age", "ages")

// figure modifiers: multiword phrases before a number, lowercase, longest
// first.
var figureModifiers = []struct {
	words []string
	mod   string
}{
	{[]string{"as", "many", "as"}, UpperBound},
	{[]string{"as", "much", "as"}, UpperBound},
	{[]string{"as", "few", "as"}, LowerBound},
	{[]string{"no", "more", "than"}, UpperBound},
	{[]string{"not", "more", "than"}, UpperBound},
	{[]string{"fewer", "than"}, UpperBound},
	{[]string{"less", "than"}, UpperBound},
	{[]string{"up", "to"}, UpperBound},
	{[]string{"at", "most"}, UpperBound},
	{[]string{"under"}, UpperBound},
	{[]string{"at", "least"}, LowerBound},
	{[]string{"more", "than"}, LowerBound},
	{[]string{"upwards", "of"}, LowerBound},
	{[]string{"in", "excess", "of"}, LowerBound},
	{[]string{"over"}, LowerBound},
	{[]string{"close", "to"}, Approx},
	{[]string{"an", "estimated"}, Estimate},
	{[]string{"the", "estimated"}, Estimate},
	{[]string{"estimated"}, Estimate},
	{[]string{"approximately"}, Approx},
	{[]string{"about"}, Approx},
	{[]string{"around"}, Approx},
	{[]string{"roughly"}, Approx},
	{[]string{"some"}, Approx},
	{[]string{"nearly"}, Approx},
	{[]string{"almost"}, Approx},
	{[]string{"approx"}, Approx},
	{[]string{"circa"}, Approx},
	{[]string{"an", "approximate"}, Approx},
}

// locVerbs put their subject in the place of their "in/at" oblique.
var locVerbs = set("station", "deploy", "position", "base", "locate",
	"situate", "be", "remain", "stay", "arrive", "gather", "mass", "live",
	"operate", "fight", "take", "hold", "sit", "lie", "concentrate",
	"amass", "redeploy", "send", "move", "dig", "entrench", "headquarter")

var locPreps = set("in", "inside", "at", "within")

var borderWords = set("border", "borders", "frontier")
var adjacentWords = set("adjacent", "neighbouring", "neighboring", "bordering", "next")

var weekdays = map[string]int{"sunday": 0, "monday": 1, "tuesday": 2,
	"wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6}

var months = map[string]int{"january": 1, "february": 2, "march": 3,
	"april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9,
	"october": 10, "november": 11, "december": 12, "jan": 1, "jan.": 1,
	"feb": 2, "feb.": 2, "mar": 3, "mar.": 3, "apr": 4, "apr.": 4,
	"jun": 6, "jun.": 6, "jul": 7, "jul.": 7, "aug": 8, "aug.": 8,
	"sep": 9, "sep.": 9, "sept": 9, "sept.": 9, "oct": 10, "oct.": 10,
	"nov": 11, "nov.": 11, "dec": 12, "dec.": 12}

// seasonsAndHolidays are calendar words that are not months or weekdays.
var seasonsAndHolidays = set("spring", "summer", "autumn", "winter",
	"christmas", "easter", "thanksgiving", "halloween", "hanukkah",
	"ramadan", "diwali", "eid", "lent", "advent", "passover")

// isCalendarWord reports whether w is a month, weekday, season or holiday
// word, capitalised or not (an all-capital "DEC" is an acronym).
func isCalendarWord(w string) bool {
	if len(w) > 1 && isAcronym(w) {
		return false
	}
	w = strings.ToLower(w)
	_, mo := months[w]
	_, wd := weekdays[w]
	return mo || wd || seasonsAndHolidays[w]
}

// placeNouns name kinds of places ("the X region of Y", "X, a Y exclave").
var placeNouns = set("region", "province", "state", "district", "county",
	"city", "town", "village", "area", "territory", "exclave", "enclave",
	"oblast", "governorate", "prefecture", "municipality", "island", "part",
	"capital", "port", "republic", "zone", "department", "canton")

// relPronouns introduce relative and free relative clauses.
var relPronouns = set("who", "which", "that", "what", "whom", "whose")

// typedPredicates are the typed relations: standing facts, reported once
// per document.
var typedPredicates = set(LocatedIn, Borders, MemberOf, LeaderOf, Nationality, PartOf)

// speechLemmas are verbs of saying: they attribute (claims), they are not
// open relations of their own ("X said its profit …", "X told ANSA").
// contentNouns take a that-clause of their own ("the belief that …", "the
// fact that …"); such a clause is not the content of a nearby cue verb.
var contentNouns = set("belief", "fact", "idea", "view", "notion", "hope",
	"fear", "claim", "news", "report", "suggestion", "assumption", "sign",
	"evidence", "impression", "conclusion", "possibility", "rumour", "rumor",
	"speculation", "concern", "concerns", "perception", "argument", "theory",
	"hypothesis", "assurance", "promise", "warning", "allegation", "expectation")

var speechLemmas = set("say", "tell", "state", "add", "note", "claim",
	"assert", "announce", "reply", "explain", "insist", "write", "comment",
	"remark", "declare", "stress", "reiterate")

// singularCollectives are collective nouns that name a group in the
// singular too ("the French army", "a police unit").
var singularCollectives = set("force", "army", "military", "unit", "troop",
	"militia", "navy", "brigade", "battalion", "regiment", "division")

// roleNouns name one person by role; a subject headed by one without a
// name ("a company spokesperson", "an RSF commander") is no entity.
func roleNoun(w string) bool {
	return titleWords[w] && !singularCollectives[w] || collectiveNouns[w+"s"] && !singularCollectives[w]
}

// cognitionCues report a belief or forecast rather than a statement.
var cognitionCues = set("expect", "believe", "think", "hope", "fear",
	"assess", "estimate", "predict", "speculate", "conclude", "suspect")

// orgHeads end the names of organisations.
var orgHeads = set("organization", "organisation", "union", "ministry",
	"agency", "council", "committee", "commission", "bank", "party",
	"association", "institute", "university", "department", "court", "fund",
	"forces", "army", "company", "corporation", "corp", "inc", "ltd", "group",
	"federation", "league", "authority", "office", "board", "foundation",
	"alliance", "front", "movement", "coalition", "parliament", "assembly",
	"senate", "congress", "police", "service", "services", "bureau", "agency",
	"airlines", "airways", "network", "news", "times", "post", "journal",
	"fellowship", "society", "trust", "institution", "centre", "center",
	"club", "plc", "llc", "gmbh", "consortium", "cooperative", "charity")

// clauseOnlyCues attribute only with a clausal complement.
var clauseOnlyCues = set("show", "signal", "point", "reveal", "recall",
	"maintain", "observe", "mention", "describe", "post", "fear", "hope",
	"think", "believe", "conclude", "agree", "indicate", "suggest")

// spokesNouns speak for an organisation.
var spokesNouns = set("spokesman", "spokeswoman", "spokesperson", "representative", "statement")

// sourceNoun reports whether an "according to" object without a name can
// be a source: people by role or group, documents and counts.
func sourceNoun(w string) bool {
	return titleWords[w] || collectiveNouns[w] || collectiveNouns[w+"s"] || documentNouns[w]
}

// documentNouns are written or counted sources.
var documentNouns = set("report", "reports", "statement", "source", "sources",
	"data", "figure", "figures", "estimate", "estimates", "survey", "poll",
	"study", "research", "researcher", "researchers", "expert", "experts",
	"witness", "witnesses", "resident", "residents", "media", "document",
	"documents", "count", "tally", "census", "analysis", "assessment",
	"record", "records", "filing", "filings", "newspaper", "agency",
	"ministry", "government", "police", "group", "groups", "organisation",
	"organization", "authorities", "people", "person", "insider", "insiders",
	"observer", "observers", "monitor", "monitors", "doctor", "doctors")
