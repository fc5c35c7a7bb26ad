namespace Hub.Bench.Corpus;

/// <summary>English text in the same shapes as <see cref="JapaneseText"/>.</summary>
public sealed class EnglishText(Prng random) : TextMaker(random)
{
    private static readonly string[] Nouns =
    [
        "customers", "churn", "onboarding", "the health score", "renewals", "usage", "adoption support", "the weekly sync", "engagement", "support tickets",
        "satisfaction", "the account owner", "early wins", "expansion offers", "workflows", "the dashboard", "feature requests", "executives", "end users", "the product team",
        "the sales team", "budget", "priorities", "metrics", "programmes", "open issues", "goals", "outcomes", "processes", "operating rules",
        "handovers", "training", "the knowledge base", "runbooks", "automation", "segments", "touchpoints", "churn reasons", "the renewal rate", "revenue per account",
        "upsell", "cross-sell", "time to first value", "usage logs", "surveys", "call notes", "the help desk", "billing data", "contract terms", "the rollout plan",
        "retrospectives", "decision makers", "champions", "internal alignment", "expectations", "the definition of success", "risks", "warning signs", "the case history", "playbooks",
    ];

    private static readonly string[] Topics =
    [
        "Retention", "Onboarding", "Health scores", "Expansion", "Churn analysis", "Voice of the customer", "QBRs", "Touch models",
        "Working with support", "Hiring and coaching", "KPI design", "Renewal talks", "Adoption", "Community", "Knowledge sharing", "Using data",
    ];

    private static readonly string[] Aspects =
    [
        "how to run it", "what to design for", "common mistakes", "a checklist", "getting started", "how to measure it", "how to improve it", "how to think about it", "examples", "looking back",
    ];

    /// <summary>Verbs as (infinitive, third person, gerund).</summary>
    private static readonly (string Plain, string Third, string Gerund)[] Verbs =
    [
        ("check", "checks", "checking"), ("review", "reviews", "reviewing"), ("share", "shares", "sharing"),
        ("record", "records", "recording"), ("analyse", "analyses", "analysing"), ("organise", "organises", "organising"),
        ("improve", "improves", "improving"), ("design", "designs", "designing"), ("compare", "compares", "comparing"),
        ("measure", "measures", "measuring"), ("explain", "explains", "explaining"), ("propose", "proposes", "proposing"),
    ];

    private static readonly (string Plain, string Comparative)[] Adjectives =
    [
        ("low", "lower"), ("high", "higher"), ("slow", "slower"), ("large", "larger"), ("small", "smaller"), ("late", "later"),
    ];

    private static readonly string[] Cadences = ["every week", "every month", "every quarter", "before the renewal", "right after go-live"];

    public override string Noun() => Random.Pick(Nouns);

    public override string Cadence() => Random.Pick(Cadences);

    public override string Gap => " ";

    public override string ArticleTitle(int i) => $"{Random.Pick(Topics)}: {Random.Pick(Aspects)} for {Random.Pick(Nouns)}, No.{i}";

    public override string SeeAlso(string link) => $"See also {link}.";

    public override string RelatedKpi(string link) => $"The related metric is {link}.";

    public override string TableHeader() => "| Item | What to look at | How often |";

    public override string TableCell(string a, string b) => $"{b} of {a}";

    public override string FollowSteps(string link) => $"follow the steps in {link}";

    public override string InterviewTip(string link) => $"In interviews, the questions in {link} help too.";

    public override string ReadNext(string link) => $"Next, read {link}.";

    public override string Sentence()
    {
        var verb = Random.Pick(Verbs);
        var adjective = Random.Pick(Adjectives);
        var (a, b, c) = (Noun(), Noun(), Noun());
        return Random.Next(10) switch
        {
            0 => $"We {verb.Plain} {a} and tie it to {c} of {b}.",
            1 => $"When {a} looks {adjective.Plain}, start by {verb.Gerund} {b}.",
            2 => $"Looking at {a} next to {b} shows changes in {c} early.",
            3 => $"{Cap(verb.Gerund)} {c} before {b} in {a} gets {adjective.Comparative} matters most.",
            4 => $"In practice, each team {verb.Third} {b} per {a} and feeds it into {c}.",
            5 => $"{Cap(a)} affects not only {b} but also {c}.",
            6 => $"In the meeting held {Cadence()}, we {verb.Plain} {a} and discuss {c} with the owner of {b}.",
            7 => $"In SaaS, {a} needs a way to {verb.Plain} {b}.",
            8 => $"The CSM {verb.Third} {a} and {c} for {b}.",
            _ => $"To {verb.Plain} {a}, look at both {b} and {c}.",
        } + " ";
    }

    public override string Heading() => Random.Next(5) switch
    {
        0 => $"How {Noun()} relates to {Noun()}",
        1 => $"Steps to {Random.Pick(Verbs).Plain} {Noun()}",
        2 => $"Common mistakes with {Noun()}",
        3 => $"Revisiting {Noun()} for {Noun()}",
        _ => $"{Cap(Noun())}: {Random.Pick(Aspects)}",
    };

    public override string ListItem() => Random.Next(3) switch
    {
        0 => $"{Cap(Random.Pick(Verbs).Plain)} {Noun()}",
        1 => $"{Cap(Random.Pick(Verbs).Plain)} {Noun()} for {Noun()} {Cadence()}",
        _ => $"Align {Noun()} with {Noun()}",
    };

    public override string Question() => Random.Next(4) switch
    {
        0 => $"How would you handle a customer whose {Noun()} is {Random.Pick(Adjectives).Plain}?",
        1 => $"Tell us about a time you achieved results by {Random.Pick(Verbs).Gerund} {Noun()}.",
        2 => $"When {Noun()} and {Noun()} conflict, which comes first, and why?",
        _ => $"Explain {Noun()} for {Noun()} to someone new to it in one minute.",
    };

    private static string Cap(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
