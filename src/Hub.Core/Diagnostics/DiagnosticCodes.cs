namespace Hub.Core.Diagnostics;

/// <summary>
/// Every diagnostic code Hub reports, in one place so codes stay unique.
/// HUB00xx config and CLI, HUB01xx content and front matter, HUB02xx formulas,
/// HUB03xx catalogues, HUB04xx links, HUB05xx templates, HUB06xx output, HUB07xx search.
/// </summary>
public static class DiagnosticCodes
{
    public const string ConfigMissing = "HUB0001";
    public const string ConfigInvalid = "HUB0002";
    public const string UnknownLanguage = "HUB0003";
    public const string OutputUnsafe = "HUB0004";
    public const string InputMissing = "HUB0005";
    public const string BasePathInvalid = "HUB0006";

    public const string YamlSyntax = "HUB0101";
    public const string FrontMatterUnclosed = "HUB0102";
    public const string RequiredKeyMissing = "HUB0103";
    public const string UnknownKey = "HUB0104";
    public const string InvalidValue = "HUB0105";
    public const string DuplicateUrl = "HUB0106";
    public const string UnknownEmbed = "HUB0107";
    // HUB0108 is FormulaStep.TranslationsDiffer.

    public const string FileOutsideRoot = "HUB0110";
    public const string FileNotRegular = "HUB0111";
    public const string MarkdownTooDeep = "HUB0112";
    public const string YamlTooDeep = "HUB0113";
    public const string ControlCharacter = "HUB0114";
    public const string DuplicateTranslationKey = "HUB0115";

    // HUB0200-HUB0299 are the formula checker's (Hub.Formulas).
    // HUB0300-HUB0399 are the catalogues'.

    public const string BrokenLink = "HUB0401";
    public const string BrokenAnchor = "HUB0402";
    public const string UnsafeUrl = "HUB0403";

    public const string TemplateError = "HUB0501";
    public const string TemplateMissing = "HUB0502";
    public const string TemplateLimit = "HUB0503";

    public const string OutputWriteFailed = "HUB0601";

    public const string InternalError = "HUB0999";
}
