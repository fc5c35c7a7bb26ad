namespace Hub.Core.Diagnostics;

/// <summary>
/// The registry of every diagnostic Hub reports, each declared once with its code, default severity, title and
/// explanation, so codes stay unique and <c>hub explain</c> and docs/diagnostics.md read the same text.
/// HUB00xx config and CLI, HUB01xx content and front matter, HUB02xx formulas, HUB03xx catalogues, HUB04xx links,
/// HUB05xx templates, HUB06xx output, HUB07xx glossary, HUB09xx Hub itself.
/// </summary>
public static class DiagnosticCodes
{
    // Declared before the descriptors: static fields are initialised in the order they are written, and each
    // Define below adds to this list.
    private static readonly List<DiagnosticDescriptor> Registered = [];

    public static readonly DiagnosticDescriptor ConfigMissing = Define("HUB0001", Severity.Error,
        "The site has no hub.yml",
        "Every site is described by a hub.yml at the top of its input folder (its languages, title and base URL). " +
        "Hub reports this when the input folder exists but holds no hub.yml, which usually means --input names the " +
        "wrong folder. Run Hub from the repository's root, pass --input with the folder that holds hub.yml, or start a " +
        "new hub with 'hub init DIR'.");

    public static readonly DiagnosticDescriptor ConfigInvalid = Define("HUB0002", Severity.Error,
        "A setting of hub.yml is not valid",
        "hub.yml must be a mapping of settings whose values have the expected form: 'languages' lists language codes " +
        "such as ja, ko or en, 'baseUrl' is an absolute http(s) URL and 'currency' an ISO 4217 code. The message names " +
        "the setting and the location points at its value. For example 'currency: yen' is reported; write 'currency: JPY'.");

    public static readonly DiagnosticDescriptor UnknownLanguage = Define("HUB0003", Severity.Error,
        "A page's language is not one of the site's languages",
        "A page's 'lang' (or the language its file name or folder implies) must be listed under 'languages' in hub.yml, " +
        "so that the page has a home page, menus and search index to belong to. Either correct the page's 'lang' " +
        "(e.g. 'ja' rather than 'jp') or add the language to hub.yml: 'languages: [ja, ko, en]'.");

    public static readonly DiagnosticDescriptor OutputUnsafe = Define("HUB0004", Severity.Error,
        "The output folder is not safe to replace",
        "A build replaces its output folder as a whole, so Hub refuses a folder it could damage: the root of the file " +
        "system, a folder that is or contains the input or the theme, a folder inside them, or a non-empty folder " +
        "without the marker file Hub writes into its own output. Choose a folder of its own, such as '--output _site', " +
        "or empty the folder first.");

    public static readonly DiagnosticDescriptor InputMissing = Define("HUB0005", Severity.Error,
        "The input or theme folder does not exist",
        "Hub builds the folder named by --input (default 'input') with the theme named by --theme (default 'theme'). " +
        "This is reported, with the folder's path and no line, when either does not exist: usually Hub was started from " +
        "another working directory. Run it from the repository's root or pass the folders explicitly, e.g. " +
        "'hub build --input site/input --theme site/theme'.");

    public static readonly DiagnosticDescriptor BasePathInvalid = Define("HUB0006", Severity.Error,
        "The base path is not a plain URL path",
        "The base path (from --base-path, or the path of 'baseUrl' in hub.yml) starts every absolute URL of the site, " +
        "so it must be a path of plain segments made of letters, digits, '-', '.', '_' and '~', without '..' or query " +
        "text. For example '/cs-hub/' or '/wiki/team-a/' are accepted, '/cs hub/' and '/../x/' are not.");

    public static readonly DiagnosticDescriptor YamlSyntax = Define("HUB0101", Severity.Error,
        "The YAML cannot be read",
        "A front matter block, a catalogue or hub.yml is not valid YAML. The location is where the YAML parser gave up, " +
        "counted from the top of the file; the cause is often a little earlier: an unclosed '[', '{' or quote, a tab used " +
        "for indentation, or a value containing ': ' that needs quotes. For example 'summary: [unclosed' is reported; " +
        "close the list or quote the value: 'summary: \"[unclosed\"'.");

    public static readonly DiagnosticDescriptor FrontMatterUnclosed = Define("HUB0102", Severity.Error,
        "The front matter has no closing '---' line",
        "A Markdown page that starts with a '---' line opens a front matter block, which must end with another line of " +
        "exactly '---' before the body begins. Without it Hub cannot tell the page's settings from its text. Add the " +
        "closing line after the last key, e.g. '---', 'title: Churn', '---', then the body.");

    public static readonly DiagnosticDescriptor RequiredKeyMissing = Define("HUB0103", Severity.Error,
        "A required key is missing or empty",
        "A page, KPI, catalogue or hub.yml lacks a key it cannot do without, such as 'title', 'languages', a KPI's " +
        "'result' or an example's 'inputs', or gives it an empty value. The location points at the mapping that should " +
        "hold the key. Add the key with a value, e.g. 'title: Churn rate'. A KPI page without worked 'examples' is " +
        "reported with this code as a warning.");

    public static readonly DiagnosticDescriptor UnknownKey = Define("HUB0104", Severity.Warning,
        "A key is not one Hub knows",
        "A front matter, KPI, catalogue or hub.yml mapping contains a key that is not part of the content format, which " +
        "is usually a typo whose value would otherwise be ignored silently. The hint suggests the closest known key. " +
        "For example 'titel: Churn' is reported with \"did you mean 'title'?\". Rename or remove the key; " +
        "docs/content-format.md lists every key.");

    public static readonly DiagnosticDescriptor InvalidValue = Define("HUB0105", Severity.Error,
        "A value has the wrong type or is not one of the allowed values",
        "A key has a value Hub cannot use: text where a number is expected, a number that is not finite, a value outside " +
        "a closed set (a KPI's 'format', 'unit', 'better' or 'indicator', a catalogue's 'audience'), a list where a " +
        "mapping is expected, or a range whose 'max' is below its 'min'. The message names the allowed values. For " +
        "example 'better: up' is reported; write 'better: higher' or 'better: lower'.");

    public static readonly DiagnosticDescriptor DuplicateUrl = Define("HUB0106", Severity.Error,
        "Two pages would be written to the same URL",
        "Each page's URL comes from its language, section and slug. Two pages with the same language and slug in the " +
        "same section, or URLs that differ only by letter case (which collide on case-insensitive file systems and " +
        "hosts), would overwrite each other. Give one of them another 'slug' (or 'lang'); the message names the other page.");

    public static readonly DiagnosticDescriptor UnknownEmbed = Define("HUB0107", Severity.Error,
        "An embed names something that does not exist",
        "An embed block such as ':::kpi churn-rate' or ':::catalogue onboarding category=pricing' must name the slug of " +
        "an existing KPI page or catalogue, and a catalogue embed's filters must name a facet of that catalogue and one " +
        "of its declared values. The hint suggests the closest slug or facet, or lists the values. Correct the slug or " +
        "filter, or add the page it refers to.");

    public static readonly DiagnosticDescriptor TranslationsDiffer = Define("HUB0108", Severity.Error,
        "A KPI's translations have different formulas or inputs",
        "The pages of one KPI in different languages (same translationKey) share one calculator, so their 'formula' and " +
        "their input names must be identical; only titles, labels and text are translated. The location points at the " +
        "formula of the translation that differs from the first one. Copy the formula and the input names from the page " +
        "the message names.");

    public static readonly DiagnosticDescriptor FileOutsideRoot = Define("HUB0110", Severity.Error,
        "A symbolic link leads outside the input or theme folder",
        "Hub reads content and theme files only from inside their folders, so a build cannot be made to publish files " +
        "from elsewhere on the machine. A symbolic link whose target lies outside the folder is refused. Copy the file " +
        "the link points to into the folder instead of linking to it.");

    public static readonly DiagnosticDescriptor FileNotRegular = Define("HUB0111", Severity.Error,
        "A file cannot be read as a regular file",
        "An entry of the input or theme folder is not a regular file or folder Hub can read: a dangling symbolic link, a " +
        "link loop, a FIFO, a socket, a device, or a folder that could not be listed. Such entries are refused without " +
        "being opened, so a build never blocks on them. Remove the entry, or replace it with the file it stood for.");

    public static readonly DiagnosticDescriptor MarkdownTooDeep = Define("HUB0112", Severity.Error,
        "The Markdown is nested too deeply",
        "Block quotes, lists, links, images or emphasis nested more than 128 levels deep are refused before parsing, so " +
        "a malformed or hostile page cannot exhaust the stack. No real page needs such depth; the location points at the " +
        "first place the limit is passed. Flatten the nesting, e.g. split a deeply quoted reply into separate quotes.");

    public static readonly DiagnosticDescriptor YamlTooDeep = Define("HUB0113", Severity.Error,
        "The YAML is nested too deeply",
        "Lists and mappings nested more than 128 levels deep in a front matter, catalogue or hub.yml are refused before they " +
        "are read, so a malformed or hostile file cannot exhaust the stack. The location points at the first node past " +
        "the limit. Flatten the lists and mappings.");

    public static readonly DiagnosticDescriptor ControlCharacter = Define("HUB0114", Severity.Error,
        "A file contains a control character",
        "Content files must be text: a control character other than tab, line feed and carriage return (for example a NUL " +
        "byte or an escape sequence pasted from a terminal) would reach the pages invisibly or be treated differently by " +
        "browsers and tools. The location points at the character and the message names it. Delete it, or retype the " +
        "text around it.");

    public static readonly DiagnosticDescriptor DuplicateTranslationKey = Define("HUB0115", Severity.Error,
        "Two pages claim the same translation in one language",
        "Pages with the same 'translationKey' are translations of each other, so each language may have only one of " +
        "them; otherwise the language switcher could not know which page to link. The message names the page that " +
        "already uses the key in that language. Give one of them another 'translationKey' or correct its 'lang'.");

    public static readonly DiagnosticDescriptor TranslationStale = Define("HUB0120", Severity.Warning,
        "A translation may be out of date",
        "A translated page's 'translationOf' records the version of its source page (the page of the default language " +
        "with the same translationKey) it was made from. When the source file changed since, the translation may no longer " +
        "say what the source says: its page shows a notice with a link to the source, and this warning points at the " +
        "value. Update the translation, then record the source's current version with " +
        "'hub translations --mark input/articles/x.en.md'; 'hub translations' lists every stale and missing translation.");

    public static readonly DiagnosticDescriptor ShallowClone = Define("HUB0130", Severity.Warning,
        "The input is in a shallow clone: some pages have no last-updated date",
        "Pages show when they last changed from git's history (hub build, check and serve, unless --no-git-dates). A " +
        "shallow clone (git clone --depth 1, or a CI checkout's default) holds only the newest commits, and its oldest " +
        "commit seems to add every file older than that, so the date of a file last changed before it is unknown. Such " +
        "pages show their front matter 'updated', or no date, rather than a wrong one; this is said once per build, at " +
        "the input folder. Fetch the whole history: 'git fetch --unshallow', or 'fetch-depth: 0' with actions/checkout.");

    public static readonly DiagnosticDescriptor TagLabelsInvalid = Define("HUB0131", Severity.Error,
        "input/tags.yml is not a map of tags to labels by language",
        "input/tags.yml labels tags per language (a tag keeps one slug, and so one URL, in every language): each key is a " +
        "tag as pages write it in 'tags', and its value maps languages of hub.yml to the label shown there. The message " +
        "says what is wrong where: a list or text where a mapping belongs, a language the site does not have ('jp' for " +
        "'ja'), or an empty label. For example 'retention: リテンション' is reported at its value; write " +
        "'retention: { ja: リテンション, ko: 리텐션, en: Retention }'.");

    public static readonly DiagnosticDescriptor TagLabelUnused = Define("HUB0132", Severity.Warning,
        "input/tags.yml labels a tag that no page has",
        "A label in input/tags.yml is shown only where a page has the tag, so a tag no page uses is most often a typo of " +
        "one that pages do use (the message suggests the nearest), or a tag that was since removed. For example " +
        "'retension:' is reported with \"did you mean 'retention'?\". Correct the tag, or remove its labels.");

    public static readonly DiagnosticDescriptor FormulaSyntaxError = Define("HUB0201", Severity.Error,
        "The formula is not a C# expression",
        "A KPI's 'formula' is one C# expression over its inputs, parsed by the C# compiler; this reports what the parser " +
        "found wrong (a missing parenthesis or operand, an empty formula), with the compiler's error id as the hint. " +
        "For example 'revenue / (customers' is reported at its end; close the parenthesis: 'revenue / (customers)'.");

    public static readonly DiagnosticDescriptor FormulaNotAllowed = Define("HUB0202", Severity.Error,
        "The formula uses a construct outside the formula language",
        "Formulas run in every reader's browser as well as in the build, so they may use only numbers, the KPI's inputs, " +
        "arithmetic, comparisons, the conditional '?:' and the Math functions Hub translates. Method calls other than " +
        "Math.*, 'new', lambdas, strings, assignments and the like are refused. For example 'Console.WriteLine(x)' is " +
        "reported; write the calculation itself, e.g. 'Math.Round(x, 2)'.");

    public static readonly DiagnosticDescriptor UnknownInput = Define("HUB0203", Severity.Error,
        "The formula names an input the KPI does not declare",
        "Every name in a formula must be one of the KPI's declared 'inputs'. The message suggests the closest declared " +
        "name, or lists them. For example with inputs 'churned' and 'customers', the formula 'churned / customer' is " +
        "reported with \"did you mean 'customers'?\". Correct the name in the formula or declare the input.");

    public static readonly DiagnosticDescriptor FormulaTypeError = Define("HUB0204", Severity.Error,
        "The C# compiler rejects the formula's types",
        "The formula parses but does not compile: its result is not a number (e.g. a comparison without '?:'), an operator " +
        "or Math function gets arguments of the wrong type, or a constant overflows. The hint carries the compiler's error " +
        "id. For example 'a > b' is reported; choose a number with 'a > b ? 1 : 0'.");

    public static readonly DiagnosticDescriptor FormulaCompilerWarning = Define("HUB0205", Severity.Warning,
        "The C# compiler warns about the formula",
        "The formula compiles, but the C# compiler found something that is probably a mistake, such as comparing an input " +
        "with itself ('a == a', CS1718). The hint carries the compiler's warning id. Correct the formula; --strict turns " +
        "this warning into an error.");

    public static readonly DiagnosticDescriptor InvalidInputName = Define("HUB0206", Severity.Error,
        "An input name cannot be used in a formula",
        "A KPI's input names become the parameters of its formula, so each must be a C# identifier that is not a keyword, " +
        "declared once, and not 'Math'. For example an input named 'class' or '2nd' is reported; rename it, e.g. " +
        "'segment' or 'second', in the inputs and in the formula.");

    public static readonly DiagnosticDescriptor FormulaTooComplex = Define("HUB0207", Severity.Error,
        "The formula is nested too deeply",
        "A formula nested more than 100 levels deep (parentheses, operators, calls) is refused, so checking and " +
        "translating it cannot exhaust the stack. Split the calculation: give intermediate results their own KPI or " +
        "simplify the expression.");

    public static readonly DiagnosticDescriptor FormulaTrailingText = Define("HUB0208", Severity.Error,
        "Something follows the formula's expression",
        "A formula is exactly one C# expression; after it only spaces, line breaks and comments may follow. A second " +
        "expression, a ';' followed by more text or a preprocessor directive is reported at its start. For example " +
        "'a / b; a * b' is reported at '; a * b'; keep one expression.");

    public static readonly DiagnosticDescriptor ExampleMismatch = Define("HUB0210", Severity.Error,
        "A worked example's result differs from the formula's",
        "Each worked example of a KPI states its inputs and the result the formula should give; the build computes the " +
        "formula and compares, allowing a relative difference of 1e-9. A difference means the formula or the example is " +
        "wrong. The message shows both values. Correct the example's 'result' or the formula.");

    public static readonly DiagnosticDescriptor ExampleNotComputable = Define("HUB0211", Severity.Error,
        "A worked example cannot be computed",
        "Computing the formula with the example's inputs fails: C# throws (integer division by zero) or the result is not " +
        "a finite number (a division of doubles by zero gives infinity). Choose example inputs the formula can compute, " +
        "or guard the formula, e.g. 'customers == 0 ? 0 : churned / customers'.");

    public static readonly DiagnosticDescriptor ExampleInputMissing = Define("HUB0212", Severity.Error,
        "A worked example does not give a value for an input",
        "A worked example must give a value for every input its formula uses, or the stated result cannot be checked. " +
        "The message names the missing input. Add it to the example's 'inputs'.");

    public static readonly DiagnosticDescriptor KpiPeriodInvalid = Define("HUB0220", Severity.Error,
        "A KPI's period or compounding is not valid",
        "'period' names the period a KPI's result is stated for (monthly, quarterly or annual) and 'compounding' how it " +
        "carries over to another period: retention (a share kept, x^k), churn (a share lost, 1-(1-x)^k) or sum (a flow " +
        "such as MRR, x*k). Hub converts the result with them, so each needs the other's context: 'compounding' needs a " +
        "'period', and a worked example or benchmark stated for another period than the KPI's needs both. For example " +
        "'period: yearly' is reported; write 'period: annual'.");

    public static readonly DiagnosticDescriptor BenchmarkInvalid = Define("HUB0221", Severity.Error,
        "A KPI benchmark has no source or no figures",
        "Each entry of a KPI's 'benchmarks' is a published figure readers compare their result with, so it must say " +
        "where it comes from: 'source' with 'title', an http(s) 'url' and the 'year' it was published. It needs at " +
        "least one of 'low', 'median' and 'high', in that order (low <= median <= high). The message names what is " +
        "missing. For example: source: { title: SaaS Capital retention benchmarks, url: https://www.saas-capital.com/, year: 2023 }.");

    public static readonly DiagnosticDescriptor FormulaInternalError = Define("HUB0299", Severity.Error,
        "Hub could not check a formula (a bug in Hub)",
        "Hub translates every formula for the browser and proves the translation agrees with the C# compiler; this code " +
        "reports that the two disagree, or that checking the formula failed unexpectedly. It is a bug in Hub, not in the " +
        "content. Report it with the formula; meanwhile an equivalent formula written differently usually avoids it.");

    public static readonly DiagnosticDescriptor DuplicateId = Define("HUB0301", Severity.Error,
        "A catalogue declares an id twice",
        "Question ids become the anchors and share links of a catalogue page, and facet value ids become filter values " +
        "in its URL, so each must be unique within its catalogue (or its facet). The hint names the line of the first " +
        "use. Give the second one another id.");

    public static readonly DiagnosticDescriptor UndeclaredFacetValue = Define("HUB0302", Severity.Error,
        "A question uses a facet value the catalogue does not declare",
        "A question's facet values must be among the values declared under 'facets' for that facet, so that the filter " +
        "shows them. The hint suggests the closest declared value. For example 'category: pricng' is reported with " +
        "\"did you mean 'pricing'?\". Correct the value or declare it under the facet.");

    public static readonly DiagnosticDescriptor InvalidAnchorId = Define("HUB0303", Severity.Error,
        "A question id cannot be used as an anchor",
        "A question id is the anchor of the question on its page, so it must start with a letter, use only letters, " +
        "digits, '-' and '_', and not collide with an id the page itself uses ('main', 'site-search', 'toc-title' or any " +
        "id starting with 'catalogue-'). For example 'id: 1st-call' is reported; write 'id: first-call'.");

    public static readonly DiagnosticDescriptor UnknownKpi = Define("HUB0304", Severity.Error,
        "A question names a KPI that has no page",
        "A question's 'kpis' list links the question to KPI pages by slug, so each slug must belong to a KPI page of the " +
        "site. The hint suggests the closest slug. Correct the slug or add the KPI page.");

    public static readonly DiagnosticDescriptor ReservedName = Define("HUB0305", Severity.Error,
        "A facet name is reserved by the catalogue page",
        "A catalogue page keeps its own state in its URL ('?q=' for the text filter, '?kit=' for the interview kit), so a " +
        "facet cannot use those names: its filter would be confused with the page's state. Rename the facet, e.g. " +
        "'kit' to 'toolkit', in 'facets' and in the questions.");

    public static readonly DiagnosticDescriptor UnknownAttribute = Define("HUB0306", Severity.Error,
        "A question names a scorecard attribute the catalogue does not declare",
        "A question's 'attributes' name what its answer is rated on, so each must be the id of an attribute declared " +
        "under the catalogue's 'scorecard:' (and a catalogue without a scorecard cannot name any). The hint suggests the " +
        "closest declared id. For example 'attributes: [judgment]' is reported with \"did you mean 'judgement'?\".");

    public static readonly DiagnosticDescriptor AttributeMissing = Define("HUB0307", Severity.Error,
        "A question of a scored catalogue names no attribute",
        "Where a catalogue declares a 'scorecard:', every question must name at least one attribute it informs " +
        "('attributes: [problem-solving]'), so each answer is rated against the same key by every interviewer. The " +
        "location is the question's id. Add the attribute the question is meant to reveal.");

    public static readonly DiagnosticDescriptor InvalidScale = Define("HUB0308", Severity.Error,
        "A scorecard's scale is malformed",
        "A scorecard's 'scale' is 4 (the default: strong no, no, yes, strong yes, with no neutral middle) or 5 points; its " +
        "'labels', when given, name every point, lowest first, and each attribute's 'rubric' has one anchor per point. " +
        "For example 'scale: 3', three labels for a 4-point scale or five rubric anchors on a 4-point scale are reported. " +
        "Correct the number of points or of entries.");

    public static readonly DiagnosticDescriptor BrokenLink = Define("HUB0401", Severity.Error,
        "A link leads to no page or file of the site",
        "Every internal link is checked: a relative link must point to an existing file (a Markdown page or an asset), " +
        "and a root-relative link such as '/ja/kpis/churn-rate/' to a page or file the build writes. A related KPI of a " +
        "page must exist too. The hint suggests the closest file name. For example '[churn](churn-rte.md)' is reported " +
        "with \"did you mean 'churn-rate.md'?\". Correct the link or add the page.");

    public static readonly DiagnosticDescriptor BrokenAnchor = Define("HUB0402", Severity.Error,
        "A link's anchor does not exist in its target",
        "A link with a fragment ('page.md#section' or '#section') must name a heading's anchor, or another id, of the " +
        "page it leads to. The hint suggests the closest anchor. Anchors are made from headings' text, so renaming a " +
        "heading breaks links to it: update the links, or give the heading an explicit id.");

    public static readonly DiagnosticDescriptor UnsafeUrl = Define("HUB0403", Severity.Error,
        "A URL uses a scheme that is not allowed",
        "Links, images and the 'baseUrl' and 'editUrl' settings may use only http, https and mailto URLs (or relative " +
        "ones), so content cannot carry script into pages: 'javascript:', 'data:', 'vbscript:' and unknown schemes are " +
        "refused. For example '[x](javascript:alert(1))' is reported. Link to an http(s) address instead.");

    public static readonly DiagnosticDescriptor WikiLinkUnknown = Define("HUB0404", Severity.Error,
        "A wikilink names no page",
        "A wikilink '[[slug]]' leads to the page with that slug (a file name without its extension, or the page's " +
        "'slug'), in the page's language when there is one; '[[kpis/slug]]' looks only in that section. This is reported " +
        "when no page has the slug, or when the part before '/' is not a section of the site. The hint suggests the " +
        "closest slug. For example '[[churn-rat]]' is reported with \"did you mean 'churn-rate'?\". Correct the slug, " +
        "or add the page.");

    public static readonly DiagnosticDescriptor WikiLinkAmbiguous = Define("HUB0405", Severity.Error,
        "A wikilink's slug names pages of two sections",
        "An article and a KPI (or pages of any two sections) may share a slug, and then '[[slug]]' cannot tell which one " +
        "it means. Name the section before the slug: '[[kpis/churn-rate]]' for the KPI page, '[[articles/churn-rate]]' " +
        "for the article. The message lists the sections that have the slug.");

    public static readonly DiagnosticDescriptor TemplateError = Define("HUB0501", Severity.Error,
        "A theme template cannot be parsed or fails while rendering",
        "A Scriban template of the theme has a syntax error, or rendering it failed (an unknown function, a wrong " +
        "argument, a template that cannot be read). The location points into the template, e.g. 'theme/layouts/kpi.scriban-html'. " +
        "Correct the template; a theme override in your own theme folder is reported at its own path.");

    public static readonly DiagnosticDescriptor TemplateMissing = Define("HUB0502", Severity.Error,
        "The theme has no layout a page needs",
        "Each kind of page is rendered with a layout of the theme, such as 'layouts/article.scriban-html' or 'layouts/kpi.scriban-html'. " +
        "This is reported, at the theme folder, when the layout a page needs does not exist, usually because a custom " +
        "theme was copied incompletely or a layout was renamed. Add the layout, starting from the default theme's.");

    public static readonly DiagnosticDescriptor TemplateLimit = Define("HUB0503", Severity.Error,
        "A template exceeded a rendering limit",
        "Rendering a template is bounded (loop iterations, recursion depth), so a mistake in a theme cannot hang or crash " +
        "the build. This reports the limit that was reached at the place in the template. Look for a loop that never ends, " +
        "or a function or include that calls itself without end.");

    public static readonly DiagnosticDescriptor OutputWriteFailed = Define("HUB0601", Severity.Error,
        "The output folder could not be written",
        "The build wrote the site to a temporary folder and could not swap it in for the output folder, or serve could " +
        "not update a file of it: a permission is missing, the disk is full, or another program holds the folder open. " +
        "The message carries the system's reason; the previous output is left as it was. Fix the cause and build again.");

    public static readonly DiagnosticDescriptor GlossaryReading = Define("HUB0701", Severity.Error,
        "A glossary term's reading cannot place it in the index",
        "The glossary index groups terms by the first sound of their reading (kana rows for Japanese, initial consonants " +
        "for Korean, letters for English), and falls back to the term itself when it has no 'reading'. A Japanese reading " +
        "must be written in kana and a Korean one in Hangul, and a term whose first character says nothing of its sound " +
        "(a Japanese term starting with a kanji, such as 解約率) needs a reading. For example 'title: 解約率' alone is " +
        "reported at the title; add 'reading: かいやくりつ'.");

    public static readonly DiagnosticDescriptor GlossaryWordTaken = Define("HUB0702", Severity.Error,
        "Two glossary terms of a language claim the same word",
        "Every page explains a glossary term where it first appears, so each word (a term's title or one of its " +
        "'aliases') may belong to one term per language, compared without regard to letter case or full-width forms. " +
        "The second term to claim a word is reported at the word, naming the first. For example an alias 'NRR' on the " +
        "term 'Net revenue retention' while a term 'NRR' exists is reported; remove the alias or merge the two terms.");

    public static readonly DiagnosticDescriptor InternalError = Define("HUB0999", Severity.Error,
        "The build stopped on an unexpected error",
        "Something failed for which Hub has no more specific code, and the build stopped rather than write a partial " +
        "site; the previous output is left untouched. The message carries the underlying error, for example a file " +
        "standing where the output's parent folder should be ('--output notes.txt/_site'). Fix what the message names; " +
        "if it names nothing outside Hub, it is a bug in Hub: report it with the command and the content that triggers it.");

    /// <summary>Every registered descriptor, ordered by code.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = Registered.OrderBy(d => d.Code, StringComparer.Ordinal).ToArray();

    /// <summary>The descriptor of <paramref name="code"/> (any letter case), or null when no such code exists.</summary>
    public static DiagnosticDescriptor? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    private static DiagnosticDescriptor Define(string code, Severity severity, string title, string explanation)
    {
        var descriptor = new DiagnosticDescriptor(code, severity, title, explanation);
        Registered.Add(descriptor);
        return descriptor;
    }
}
