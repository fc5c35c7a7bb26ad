using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Hub.Templates;

/// <summary>Resolves <c>include 'name'</c> to <c>partials/name.scriban-html</c> through the theme stack.</summary>
internal sealed class ThemeTemplateLoader(ThemeFiles files) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        files.Resolve(PartialPath(templateName)) ?? PartialPath(templateName);

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        File.Exists(templatePath)
            ? File.ReadAllText(templatePath)
            : throw new ScriptRuntimeException(callerSpan, $"partial '{templatePath}' was not found in the theme");

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));

    public static string PartialPath(string name) => $"partials/{name}.scriban-html";
}
