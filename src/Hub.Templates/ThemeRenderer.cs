using System.Collections.Concurrent;
using Hub.Core.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Hub.Templates;

/// <summary>
/// Parses every layout and partial of the theme once, then renders pages with them. Thread-safe: a render has a
/// <see cref="TemplateContext"/> to itself (taken from those earlier renders released), sharing the parsed templates.
/// </summary>
public sealed class ThemeRenderer
{
    private const string Extension = ".scriban-html";
    private readonly ThemeFiles _files;
    private readonly Dictionary<string, Template> _layouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Template> _partials = new(StringComparer.Ordinal);
    private readonly ThemeTemplateLoader _loader;
    private readonly ConcurrentDictionary<string, byte> _reported = new(StringComparer.Ordinal);

    /// <summary>
    /// Scriban's builtins (string, array, html, …), made once and shared by every render instead of built for
    /// each of them (filling them is a large part of a small page's render). They are read-only, so no template can change what another
    /// page sees: pages render in parallel and the output must not depend on their order.
    /// </summary>
    private readonly ScriptObject _builtins = Freeze(TemplateContext.GetDefaultBuiltinObject());

    /// <summary>
    /// Template contexts that finished a render, reused by the next ones (as many as renders ever ran at once):
    /// a new context allocates, resolves Scriban's member accessors and grows its output builder again.
    /// </summary>
    private readonly ConcurrentBag<TemplateContext> _contexts = [];

    /// <summary><c>include_cached</c>'s outputs of this build, by partial and key.</summary>
    private readonly ConcurrentDictionary<(string Name, string Key), Lazy<string>> _cachedIncludes = new();

    /// <summary>Hub's own template functions (<c>include_cached</c>), imported once and shared read-only like the builtins.</summary>
    private readonly ScriptObject _functions;

    public ThemeRenderer(ThemeFiles files, DiagnosticBag diagnostics, Func<string, string> displayPath)
    {
        _files = files;
        _loader = new ThemeTemplateLoader(files);
        DisplayPath = displayPath;
        _functions = new ScriptObject(1);
        _functions.SetValue("include_cached", DelegateCustomFunction.CreateFunc<TemplateContext, string, object?, string>(IncludeCached), true);
        _functions.IsReadOnly = true;
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
    public string? Render(string layout, ScriptObject globals, DiagnosticBag diagnostics) =>
        RenderWrapped(layout, null, globals, diagnostics);

    /// <summary>
    /// Renders <paramref name="layout"/>, then <paramref name="wrapper"/> (if any) with that output as <c>main</c>,
    /// both in one <see cref="TemplateContext"/>.
    /// </summary>
    public string? RenderWrapped(string layout, string? wrapper, ScriptObject globals, DiagnosticBag diagnostics)
    {
        if (Find(layout, diagnostics) is not { } template || (wrapper is not null && Find(wrapper, diagnostics) is null))
        {
            return null;
        }
        var context = _contexts.TryTake(out var reused) ? reused : NewContext();
        // Reset empties the cache of parsed partials too: without them, every include would parse its file again.
        foreach (var (path, partial) in _partials)
        {
            context.CachedTemplates[path] = partial;
        }
        context.PushGlobal(_functions);
        context.PushGlobal(globals);
        string html;
        try
        {
            html = template.Render(context);
            if (wrapper is not null)
            {
                globals["main"] = html;
                html = _layouts[wrapper].Render(context);
            }
        }
        catch (ScriptRuntimeException ex)
        {
            // The context is left mid-render (scopes, loops): it is dropped, not reused.
            var location = Locate(ex.Span);
            if (_reported.TryAdd($"{location}:{ex.OriginalMessage}", 0))
            {
                if (IsLimit(ex))
                {
                    diagnostics.Error(DiagnosticCodes.TemplateLimit, location, ex.OriginalMessage,
                        "a loop that never ends, or a function or include that calls itself without end?");
                }
                else
                {
                    diagnostics.Error(DiagnosticCodes.TemplateError, location, ex.OriginalMessage);
                }
            }
            return null;
        }
        Release(context);
        return html;
    }

    /// <summary>
    /// Iterations of one loop (a range counts too): ten times the longest list the largest site Hub is measured on
    /// (10,000 pages) shows in one loop, yet reached quickly, so an endless <c>while</c> is an error at its line
    /// instead of a hang.
    /// </summary>
    private const int LoopLimit = 100_000;

    /// <summary>Nested function calls and includes: a template calling itself stops here, far within the stack.</summary>
    private const int RecursiveLimit = 64;

    // The limits are set once per context: TemplateContext.Reset keeps them for the next render.
    private TemplateContext NewContext() => new(_builtins)
    {
        TemplateLoader = _loader,
        LoopLimit = LoopLimit,
        LimitToString = 0,
        RecursiveLimit = RecursiveLimit,
        StrictVariables = false,
        EnableRelaxedMemberAccess = true,
    };

    /// <summary>
    /// Puts a context that finished a render back for the next one, emptied as a new one would be: only the globals
    /// of that render (the page's model and Hub's functions) were pushed, and they go with it. What stays is what does
    /// not depend on the page: the member accessors Scriban resolved, its argument buffers and its output builder
    /// (<see cref="TemplateContext.Reset"/> also forgets the parsed partials, put back before each render).
    /// </summary>
    private void Release(TemplateContext context)
    {
        context.Reset();
        context.ResetPreviousNewLine();
        _contexts.Add(context);
    }

    /// <summary>
    /// <c>include_cached 'name' key</c>: the partial's output, rendered once per build for each key (like Hugo's
    /// <c>partialCached</c>). For partials that depend only on the key, such as the language of the search box.
    /// The partial renders in a scope of its own, so what it assigns never reaches the page that happened to render
    /// it first (pages render in parallel: the output must not depend on which one that was).
    /// </summary>
    private string IncludeCached(TemplateContext context, string name, object? key)
    {
        var entry = _cachedIncludes.GetOrAdd((name, context.ObjectToString(key) ?? string.Empty), _ => new Lazy<string>(() =>
        {
            if (context.BuiltinObject["include"] is not IScriptCustomFunction include)
            {
                return string.Empty;
            }
            context.PushGlobal(new ScriptObject());
            try
            {
                return context.ObjectToString(include.Invoke(context, context.CurrentNode, new ScriptArray { name }, null)) ?? string.Empty;
            }
            finally
            {
                context.PopGlobal();
            }
        }));
        return entry.Value;
    }

    /// <summary>Whether Scriban stopped a render at <see cref="LoopLimit"/> or <see cref="RecursiveLimit"/> (it has no type of its own for that).</summary>
    private static bool IsLimit(ScriptRuntimeException ex) =>
        ex.OriginalMessage.Contains("iteration limit", StringComparison.Ordinal)
        || ex.OriginalMessage.Contains("exceeds LoopLimit", StringComparison.Ordinal)
        || ex.OriginalMessage.Contains("recursive depth limit", StringComparison.Ordinal);

    private Template? Find(string layout, DiagnosticBag diagnostics)
    {
        if (_layouts.TryGetValue(layout, out var template))
        {
            return template;
        }
        if (_reported.TryAdd("missing:" + layout, 0))
        {
            diagnostics.Error(DiagnosticCodes.TemplateMissing, SourceLocation.FileOnly(DisplayPath(_files.Roots.LastOrDefault() ?? "theme")),
                $"the theme has no layout 'layouts/{layout}{Extension}'");
        }
        return null;
    }

    private static ScriptObject Freeze(ScriptObject builtins)
    {
        foreach (var value in builtins.Values)
        {
            if (value is ScriptObject member)
            {
                member.IsReadOnly = true;
            }
        }
        builtins.IsReadOnly = true;
        return builtins;
    }

    private Template? Parse(string path, DiagnosticBag diagnostics)
    {
        var template = Template.Parse(Hub.Core.Files.RootedFiles.ReadAllText(path), path);
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
