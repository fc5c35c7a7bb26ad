using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Hub.Templates;

/// <summary>
/// Resolves <c>include 'name'</c> to <c>partials/name.scriban-html</c> through the theme stack, and only there: a name
/// that leads elsewhere (<c>'../../../etc/passwd'</c>, an absolute path) is not found.
/// </summary>
/// <remarks>
/// Each name is resolved once (a renderer lives for one build, and a theme change makes a new one), instead of
/// probing the theme folders on every include of every page.
/// </remarks>
internal sealed class ThemeTemplateLoader(ThemeFiles files) : ITemplateLoader
{
    private readonly ConcurrentDictionary<string, string> _paths = new(StringComparer.Ordinal);

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        _paths.GetOrAdd(templateName, static (name, files) => files.Resolve(PartialPath(name)) ?? PartialPath(name), files);

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        files.Contains(templatePath)
            ? Hub.Core.Files.RootedFiles.ReadAllText(templatePath)
            : throw new ScriptRuntimeException(callerSpan, $"partial '{templatePath}' was not found in the theme");

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));

    public static string PartialPath(string name) => $"partials/{name}.scriban-html";
}
