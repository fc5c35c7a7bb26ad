namespace Hub.Site.Scaffolding;

/// <summary>
/// The comment lines that name a key's allowed values in the files <c>hub new</c> and <c>hub init</c> write, in one
/// place so the two cannot tell an author different things (docs/content-format.md has the full contract).
/// </summary>
public static class ScaffoldComments
{
    public const string Date = "# date: YYYY-MM-DD, the day the article was last updated (orders the feed)";
    public const string Tags = "# tags: a list of text, e.g. [onboarding, churn]; each tag gets a page";
    public const string Audience = "# audience: interviewer (questions to ask) or candidate (questions a candidate asks)";
    public const string Facets = "# facets: the page's filters, in order; any name but q and kit; each value is an id and a label";
    public const string Questions = "# questions: id (a letter, then letters, digits, - and _) and text are required; every other key is optional";
    public const string QuestionDetails = "# lookFor, redFlags, followUps: lists of text; kpis: slugs of KPI pages; tags: a list of text";
    public const string Formula = "# formula: a C# expression of the inputs' names: arithmetic and Math functions only";
    public const string Result = "# format: percent, ratio, currency, number or months; decimals: 0 to 10; better: higher or lower";
    public const string Inputs = "# unit: count, currency, percent, ratio, number, days or months; min, max, step, default: numbers; help: text";
    public const string Cadence = "# cadence: weekly, monthly, quarterly or annual";
    public const string Indicator = "# indicator: leading (predicts outcomes) or lagging (records them)";
    public const string Examples = "# examples: worked examples, checked against the formula by every build";
    public const string Draft = "# draft: true keeps the article out of hub build (hub serve shows it under a draft banner); false publishes it";
}
