using System.Collections.Concurrent;
using Hub.Core.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Hub.Templates;

/// <summary>
/// Parses every layout and partial of the theme once, then renders pages with them. Thread-safe: each render
/// gets its own <see cref="TemplateContext"/> sharing the parsed templates.
/// </summary>
public sealed class ThemeRenderer
{
    private const string Extension = ".scriban-html";
    private readonly ThemeFiles _files;
    private readonly Dictionary<string, Template> _layouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Template> _partials = new(StringComparer.Ordinal);
    private readonly ThemeTemplateLoader _loader;
    private readonly ConcurrentDictionary<string, byte> _reported = new(StringComparer.Ordinal);

    public ThemeRenderer(ThemeFiles files, DiagnosticBag diagnostics, Func<string, string> displayPath)
    {
        _files = files;
        _loader = new ThemeTemplateLoader(files);
        DisplayPath = displayPath;
        foreach (var relative in files.List("layouts", "*" + Extension))
        {
            var name = relative["layouts/".Length..^Extension.Length];
            if (Parse(files.Resolve(relative)!, diagnostics) is { } template)
            {
                _layouts[name] = template;
            }
        }
        foreach (var relative in files.List("partials", "*" + Extension))
        {
            var path = files.Resolve(relative)!;
            if (Parse(path, diagnostics) is { } template)
            {
                _partials[path] = template;
            }
        }
    }

    private Func<string, string> DisplayPath { get; }

    public bool HasLayout(string name) => _layouts.ContainsKey(name);

    /// <summary>Renders a layout with the given globals; reports errors once per template and place.</summary>
    public string? Render(string layout, ScriptObject globals, DiagnosticBag diagnostics)
    {
        if (!_layouts.TryGetValue(layout, out var template))
        {
            if (_reported.TryAdd("missing:" + layout, 0))
            {
                diagnostics.Error(DiagnosticCodes.TemplateMissing, SourceLocation.FileOnly(DisplayPath(_files.Roots.LastOrDefault() ?? "theme")),
                    $"the theme has no layout 'layouts/{layout}{Extension}'");
            }
            return null;
        }
        var context = new TemplateContext
        {
            TemplateLoader = _loader,
            LoopLimit = int.MaxValue,
            LimitToString = 0,
            RecursiveLimit = 64,
            StrictVariables = false,
            EnableRelaxedMemberAccess = true,
        };
        foreach (var (path, partial) in _partials)
        {
            context.CachedTemplates[path] = partial;
        }
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            var location = Locate(ex.Span);
            if (_reported.TryAdd($"{location}:{ex.OriginalMessage}", 0))
            {
                diagnostics.Error(DiagnosticCodes.TemplateError, location, ex.OriginalMessage);
            }
            return null;
        }
    }

    private Template? Parse(string path, DiagnosticBag diagnostics)
    {
        var template = Template.Parse(File.ReadAllText(path), path);
        if (!template.HasErrors)
        {
            return template;
        }
        foreach (var message in template.Messages)
        {
            diagnostics.Error(DiagnosticCodes.TemplateError, Locate(message.Span), message.Message);
        }
        return null;
    }

    private SourceLocation Locate(SourceSpan span) =>
        new(DisplayPath(span.FileName ?? "theme"), span.Start.Line + 1, span.Start.Column + 1);
}
